/**
 * Tickets (工单): intake, the guarded lifecycle of DESIGN.md §2.2, direct dispatch to townships and their grids,
 * and the worker commands. Every change writes an immutable ticket event and an outbox entry in one transaction.
 */
package com.hotlineops.core.ticket;
