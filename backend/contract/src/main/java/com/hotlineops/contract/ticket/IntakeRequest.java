package com.hotlineops.contract.ticket;

/**
 * {@code POST /api/v1/intake} (DESIGN.md §4). Idempotent on {@code (channel, externalId)} when an external id is
 * given: a partner's retry returns the ticket created by its first delivery.
 *
 * <p>Enterprise tickets (政企通, DESIGN.md §2.5): a request is one when {@code enterprise} is true, when it arrives on
 * {@code ENTERPRISE_LINE}, when its grade is an {@code ENTERPRISE_} grade, or when {@code company} is given.
 *
 * @param enterprise whether the caller speaks for a company
 * @param company    the company's name and unified social credit code, when known
 */
public record IntakeRequest(
        Channel channel,
        String externalId,
        Citizen citizen,
        String title,
        String content,
        String categoryCode,
        String location,
        TicketGrade grade,
        Boolean enterprise,
        EnterpriseProfile company) {

    /** A request without a company profile (the shape before the enterprise profile existed). */
    public IntakeRequest(Channel channel, String externalId, Citizen citizen, String title, String content,
            String categoryCode, String location, TicketGrade grade, Boolean enterprise) {
        this(channel, externalId, citizen, title, content, categoryCode, location, grade, enterprise, null);
    }
}
