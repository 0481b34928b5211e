package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.Channel;
import java.util.List;

/**
 * {@code PATCH /api/v1/admin/partners/{id}}, a JSON merge patch (RFC 7396): the members sent replace the partner's,
 * the ones left out stay as they are (decision 0033). The name cannot change. Sent whole, as this record serialises,
 * it sets both.
 *
 * @param channels   the channels it may submit on from now on (at least one; not the voice channels)
 * @param webhookUrl the HTTPS (or, for test set-ups, HTTP) URL that receives its status callbacks from the next
 *                   attempt on; null removes it, and with it the callbacks
 */
public record PartnerUpdate(List<Channel> channels, String webhookUrl) {
}
