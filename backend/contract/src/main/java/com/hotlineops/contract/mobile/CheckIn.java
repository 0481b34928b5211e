package com.hotlineops.contract.mobile;

import java.util.UUID;

/**
 * {@code mobile.checkin}: the handler of an accepted ticket reports where they are (到场打卡), e.g. on arrival at the
 * site. Recorded as a ticket event with the position; the ticket's state does not change. Idempotent on
 * {@code commandId} like {@link TicketCommand}.
 *
 * @param latitude       WGS-84 degrees, -90 to 90
 * @param longitude      WGS-84 degrees, -180 to 180
 * @param accuracyMeters the phone's stated accuracy radius, 0 or more; optional
 * @param note           optional text, e.g. "已到现场"
 */
public record CheckIn(UUID commandId, UUID ticketId, Double latitude, Double longitude, Double accuracyMeters,
        String note) {
}
