/**
 * Directors' hotline shifts (DESIGN.md §2.7): the schedule, and each director's page with the tickets they took while
 * on shift. Tagging a ticket director-taken happens at intake ({@code TicketService}).
 */
package com.hotlineops.core.shift;
