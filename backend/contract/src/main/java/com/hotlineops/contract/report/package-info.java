/**
 * Reports for the leadership (DESIGN.md §2.8): the weekly report (周报), the bulletin of overdue and unsatisfied
 * tickets by unit (通报) and the special report on a topic (专报), as the console page renders them. The PDF and
 * XLSX files carry the same figures.
 */
package com.hotlineops.contract.report;
