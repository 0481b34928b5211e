/**
 * The SLA sweeper of the backend (DESIGN.md §2.3, §3): every instance sweeps on a timer; the database decides which
 * one announces each AT_RISK / OVERDUE crossing, so running several instances announces each exactly once. Also the
 * administrators' SLA policy API, and each instance following policy edits made on another.
 */
package com.hotlineops.server.sla;
