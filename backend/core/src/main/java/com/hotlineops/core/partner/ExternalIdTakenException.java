package com.hotlineops.core.partner;

import com.hotlineops.contract.ticket.Channel;

/**
 * Another partner already submitted a request with this {@code (channel, externalId)}: the ticket is not this partner's,
 * so it is neither shown nor duplicated.
 */
public class ExternalIdTakenException extends RuntimeException {

    public ExternalIdTakenException(Channel channel, String externalId) {
        super("externalId " + externalId + " on channel " + channel + " was already used by another partner");
    }
}
