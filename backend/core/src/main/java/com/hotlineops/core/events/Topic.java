package com.hotlineops.core.events;

/** What an outbox entry is about; consumers pick the topics they project. */
public enum Topic {
    /** Payload: one {@code TicketChanged}. */
    TICKET,
    /** Payload: the array of CTI events newly stored by one batch. */
    CALLS,
    /** Payload: one {@code CalendarDay} an administrator changed; every instance reloads its calendar. */
    CALENDAR,
    /** Payload: one {@code SlaEvent} (a clock crossed into AT_RISK or OVERDUE), once per clock and crossing. */
    SLA,
    /** Payload: one {@code SlaPolicyView} an administrator changed; every instance reloads its SLA policies. */
    SLA_POLICY,
    /** Payload: the array of {@code CallbackTaskChanged} of one transaction (ids and kinds, no numbers). */
    CALLBACK
}
