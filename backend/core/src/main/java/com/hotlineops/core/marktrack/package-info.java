/**
 * Mark &amp; track (标记跟踪) and the monthly clear-to-zero board (清零行动) of DESIGN.md §2.6: counts, per unit, tickets
 * tagged PROMISED or UNSATISFIED that were open during the month, until none is left open. Tagging itself is a
 * ticket command ({@code TicketService.tag}).
 */
package com.hotlineops.core.marktrack;
