/**
 * The tickets board of the wall (issue #3): SLA states of open tickets, deadlines, overdue per unit, clear-to-zero
 * progress and directors on shift, computed from PostgreSQL.
 */
package com.hotlineops.core.board;
