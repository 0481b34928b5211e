package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.Desk;
import com.hotlineops.contract.ticket.DeskStreamItem;
import com.hotlineops.dashboard.live.BackendStreams;
import com.hotlineops.dashboard.security.CurrentUser;
import com.hotlineops.dashboard.security.DeskUser;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The backend's RSocket {@code desk.changes.<DESK>} (decision 0044) through {@link BackendStreams}, with the signed-in
 * user's own token: which tickets entered, left or changed within a desk's queue. The backend lets each desk's role
 * follow only its own desk, as it lets it list and act on it.
 */
@Component
public class DeskStream {

    static final String ROUTE = "desk.changes.";

    private final BackendStreams streams;
    private final CurrentUser user;

    DeskStream(BackendStreams streams, CurrentUser user) {
        this.streams = streams;
        this.user = user;
    }

    /**
     * The desk's changes, followed until cancelled: {@code onLost} hears each time a connection ended or could not be
     * opened, and the next one starts with {@code OPENED} again. Call it where the user is signed in (the UI thread):
     * the user is taken now, a token (refreshed when due) as each connection opens, and a renewed one at once when the
     * backend ended the stream because its token expired (decision 0043).
     */
    public Flux<DeskStreamItem> follow(Desk desk, Consumer<Throwable> onLost) {
        DeskUser who = user.require();
        return streams.following(ROUTE + desk.name(), DeskStreamItem.class, expired -> user.streamToken(who, expired),
                onLost);
    }
}
