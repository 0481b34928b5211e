package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered partner as administrators see it: never its keys or webhook secret. */
public record PartnerView(UUID id, String name, List<Channel> channels, String webhookUrl, boolean enabled,
        Instant createdAt, List<String> activeKeyIds) {
}
