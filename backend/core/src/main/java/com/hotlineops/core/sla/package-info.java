/**
 * The working-time clock and SLA deadlines of DESIGN.md §2.3 (接诉即办).
 */
package com.hotlineops.core.sla;
