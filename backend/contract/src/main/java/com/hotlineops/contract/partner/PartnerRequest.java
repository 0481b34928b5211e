package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.Channel;
import java.util.List;

/**
 * {@code POST /api/v1/admin/partners}: a partner system, the channels it may submit on and, optionally, the HTTPS (or,
 * on the local machine, HTTP) URL that receives status callbacks for its tickets.
 *
 * @param name lower-case letters, digits, '-', '_' or '.', 2–40 characters; it appears in ticket histories as
 *             {@code partner:<name>}
 */
public record PartnerRequest(String name, List<Channel> channels, String webhookUrl) {
}
