package com.hotlineops.core.partner;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import java.util.Set;
import java.util.UUID;

/**
 * A registered partner system. It acts as {@code partner:<name>}, so the tickets it creates carry that actor on their
 * first event, which is how its status callbacks find it.
 */
public record Partner(UUID id, String name, Set<Channel> channels, String webhookUrl, boolean enabled) {

    /** The actor name prefix that marks a partner in ticket histories. */
    public static final String ACTOR_PREFIX = "partner:";

    public Partner {
        channels = Set.copyOf(channels);
    }

    public boolean mayUse(Channel channel) {
        return channels.contains(channel);
    }

    public Actor actor() {
        return new Actor(id, ACTOR_PREFIX + name, Set.of(Role.PARTNER), null, null);
    }
}
