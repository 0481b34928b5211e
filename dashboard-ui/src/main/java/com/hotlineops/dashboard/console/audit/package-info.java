/**
 * The auditor's desk (审核, DESIGN.md §1–2.2): every ticket its handler reported finished waits here, oldest first,
 * with its history, until it is passed on to revisit or rejected back to the handler (重办) with a reason.
 */
package com.hotlineops.dashboard.console.audit;
