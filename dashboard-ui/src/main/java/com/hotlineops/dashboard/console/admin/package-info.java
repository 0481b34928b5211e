/**
 * The administrator's console (ADMIN, DESIGN.md §2.3 and §2.1): the working-day calendar with its fallback years, the
 * SLA policies, the partner systems with their keys, webhook secrets and status callbacks, and the user accounts
 * (decision 0032). Every read and change goes through the backend's HTTP API with the administrator's own token, so
 * the backend decides and its refusals are shown as they come; secrets the backend shows once are shown once here too
 * and kept nowhere, and passwords the administrator types are sent and never shown.
 */
package com.hotlineops.dashboard.console.admin;
