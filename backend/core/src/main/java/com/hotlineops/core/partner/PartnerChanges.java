package com.hotlineops.core.partner;

import com.hotlineops.contract.ticket.Channel;
import java.util.List;

/**
 * What an administrator changes of a registered partner, read as a JSON merge patch (RFC 7396): a member left out
 * stays as it is (decision 0033). The name cannot change — it is the partner's actor in ticket histories
 * ({@code partner:<name>}), which is how its tickets and their callbacks find it — so a patch may only repeat it.
 *
 * @param channelsGiven   whether the channels change; then {@code channels} are the new ones
 * @param webhookUrlGiven whether the webhook URL changes; then {@code webhookUrl} is the new one, null removing it
 * @param nameGiven       whether the patch names the partner; then {@code name} must be its name
 */
public record PartnerChanges(boolean channelsGiven, List<Channel> channels, boolean webhookUrlGiven,
        String webhookUrl, boolean nameGiven, String name) {

    /** A patch that changes nothing ({@code {}}). */
    public static final PartnerChanges NONE = new PartnerChanges(false, null, false, null, false, null);

    public PartnerChanges withChannels(List<Channel> newChannels) {
        return new PartnerChanges(true, newChannels, webhookUrlGiven, webhookUrl, nameGiven, name);
    }

    public PartnerChanges withWebhookUrl(String newUrl) {
        return new PartnerChanges(channelsGiven, channels, true, newUrl, nameGiven, name);
    }

    public PartnerChanges withName(String repeatedName) {
        return new PartnerChanges(channelsGiven, channels, webhookUrlGiven, webhookUrl, true, repeatedName);
    }
}
