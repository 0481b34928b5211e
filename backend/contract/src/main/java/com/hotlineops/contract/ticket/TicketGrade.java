package com.hotlineops.contract.ticket;

/** SLA grades of DESIGN.md §2.3; each maps to a sign-for and a finish limit. */
public enum TicketGrade {
    IMMEDIATE,
    STANDARD,
    ENTERPRISE_GENERAL,
    ENTERPRISE_COMPLEX
}
