package com.hotlineops.core.partner;

import com.hotlineops.contract.ticket.Channel;
import java.util.Set;

/** A partner tried to submit on a channel that is not one of its own (DESIGN.md §2.1); nothing was recorded. */
public class ChannelNotAllowedException extends RuntimeException {

    public ChannelNotAllowedException(String partner, Channel channel, Set<Channel> allowed) {
        super("Partner " + partner + " may not submit on channel " + channel + "; its channels are "
                + allowed.stream().map(Enum::name).sorted().toList());
    }
}
