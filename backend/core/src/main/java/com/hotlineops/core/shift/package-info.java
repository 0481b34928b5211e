/**
 * Directors' hotline shifts (DESIGN.md §2.7): the schedule, and each director's page with the tickets they took while
 * on shift and the calls they answered. Tagging a ticket director-taken happens at intake ({@code TicketService}), a
 * call when its answer is stored or its shift entered ({@code DirectorCalls}).
 */
package com.hotlineops.core.shift;
