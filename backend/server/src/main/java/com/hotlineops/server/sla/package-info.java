/**
 * The SLA sweeper of the backend (DESIGN.md §2.3, §3): every instance sweeps on a timer; the database decides which
 * one announces each AT_RISK / OVERDUE crossing, so running several instances announces each exactly once.
 */
package com.hotlineops.server.sla;
