/**
 * The administrator's console (ADMIN, DESIGN.md §2.3 and §2.1): the working-day calendar with its fallback years, the
 * SLA policies, and the partner systems with their keys, webhook secrets and status callbacks. Every read and change
 * goes through the backend's HTTP API with the administrator's own token, so the backend decides and its refusals are
 * shown as they come; secrets the backend shows once are shown once here too and kept nowhere.
 */
package com.hotlineops.dashboard.console.admin;
