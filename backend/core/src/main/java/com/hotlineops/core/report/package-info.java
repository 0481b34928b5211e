/**
 * The leadership's reports (DESIGN.md §2.8): weekly report, bulletin and special report, with Beijing's three rates
 * per unit, computed from the tickets, their events and their SLA clocks. Issued weekly reports are kept as issued.
 */
package com.hotlineops.core.report;
