/**
 * SLA clocks on the wire (DESIGN.md §2.3): per ticket the sign-for, finish and revisit clocks, their states, and the
 * AT_RISK / OVERDUE events that fire exactly once per clock.
 */
package com.hotlineops.contract.sla;
