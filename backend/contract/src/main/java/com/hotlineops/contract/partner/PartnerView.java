package com.hotlineops.contract.partner;

import com.hotlineops.contract.ticket.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered partner as administrators see it: never its keys or webhook secret.
 *
 * @param enabled                   false while an administrator has it disabled: its keys are refused and its status
 *                                  callbacks wait in the queue
 * @param disabledAt                when it was disabled, null while enabled
 * @param disabledBy                the administrator who disabled it, null while enabled
 * @param webhookSecretRotatedAt    the last rotation of its webhook secret, null if never rotated
 * @param previousSecretExpiresAt   while in the future, callbacks are also signed with the secret replaced last
 */
public record PartnerView(UUID id, String name, List<Channel> channels, String webhookUrl, boolean enabled,
        Instant createdAt, List<String> activeKeyIds, Instant disabledAt, String disabledBy,
        Instant webhookSecretRotatedAt, Instant previousSecretExpiresAt) {
}
