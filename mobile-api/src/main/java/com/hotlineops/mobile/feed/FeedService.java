package com.hotlineops.mobile.feed;

import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketNotFoundException;
import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.mobile.ticket.WorkerList;
import com.hotlineops.mobile.ticket.WorkerTickets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds {@code mobile.feed} for one worker.
 *
 * <p>From scratch: join the hub (which fixes the position {@code P} after which live changes are buffered), send
 * the worker's list as CURRENT items at cursor {@code P}, then LIVE, then the buffered and live changes. Any
 * change after {@code P} that the list already reflects is skipped by its ticket version, and none before {@code P}
 * can be missing from it, so nothing falls between the list and the live changes.
 *
 * <p>Resumed from cursor {@code C}: join the hub at {@code P}; if {@code C} is older, read the changes in
 * {@code (C, P]} once from the stream ({@code XRANGE} on a shared connection; the hub stays the only reader that
 * follows the stream), then send LIVE and the changes after {@code P} that the hub buffered meanwhile. The range
 * ends where the buffer starts, so nothing is lost or repeated at the seam. No list is sent: the phone keeps its own
 * and applies the changes. If the stream no longer holds everything after {@code C} (trimmed), the changes cannot be
 * replayed: the feed sends RESYNC and then starts as from scratch, never skipping silently.
 *
 * <p>Every item sent counts in {@code hotline.mobile.feed.items} by kind (decision 0030).
 */
@Service
class FeedService {

    private final TicketEventHub hub;
    private final EventStream stream;
    private final TicketService tickets;
    private final WorkerTickets workerTickets;
    private final Map<FeedItemKind, Counter> itemsSent = new EnumMap<>(FeedItemKind.class);

    FeedService(TicketEventHub hub, EventStream stream, TicketService tickets, WorkerTickets workerTickets,
            MeterRegistry meters) {
        this.hub = hub;
        this.stream = stream;
        this.tickets = tickets;
        this.workerTickets = workerTickets;
        for (FeedItemKind kind : FeedItemKind.values()) {
            itemsSent.put(kind, Counter.builder("hotline.mobile.feed.items")
                    .description("Items sent on phone feeds, by kind")
                    .tag("kind", kind.name())
                    .register(meters));
        }
    }

    Flux<FeedItem> open(Actor worker, FeedRequest request) {
        String cursor = request == null ? null : request.cursor();
        if (cursor != null && !StreamIds.valid(cursor)) {
            return Flux.error(new InvalidFeedRequestException(
                    "cursor must be a cursor of an earlier feed item, like 1764150000000-0"));
        }
        Predicate<TicketEvent> concerns = e -> WorkerList.concerns(e.change(), worker);
        return Flux.usingWhen(hub.join(concerns),
                        member -> cursor == null
                                ? fromScratch(WorkerFeed.fromScratch(worker), member, false)
                                : resumed(worker, cursor, member, concerns),
                        member -> Mono.fromRunnable(member::leave))
                .doOnNext(item -> itemsSent.get(item.kind()).increment());
    }

    private Flux<FeedItem> fromScratch(WorkerFeed feed, FanOut.Member<TicketEvent> member, boolean resync) {
        String at = member.position();
        return Flux.concat(
                resync ? Mono.just(new FeedItem(FeedItemKind.RESYNC, at, null)) : Mono.<FeedItem>empty(),
                workerTickets.current(feed.worker()).map(ticket -> feed.current(at, ticket)),
                Mono.fromSupplier(() -> live(at)),
                member.items().concatMap(e -> apply(feed, e)));
    }

    private Flux<FeedItem> resumed(Actor worker, String cursor, FanOut.Member<TicketEvent> member,
            Predicate<TicketEvent> concerns) {
        String at = member.position();
        if (!StreamIds.after(at, cursor)) {
            // The phone is where this instance is, or ahead (another instance fed it): nothing to read back.
            WorkerFeed feed = WorkerFeed.resumed(worker);
            return Flux.concat(Mono.just(live(cursor)),
                    member.items().filter(e -> StreamIds.after(e.cursor(), cursor)).concatMap(e -> apply(feed, e)));
        }
        return stream.removedUpTo()
                .onErrorMap(e -> new IllegalStateException(
                        "unavailable: the live feed cannot be resumed right now; retry shortly", e))
                .flatMapMany(removed -> StreamIds.compare(cursor, removed) < 0
                        ? fromScratch(WorkerFeed.fromScratch(worker), member, true)
                        : gap(WorkerFeed.resumed(worker), cursor, at, member, concerns));
    }

    private Flux<FeedItem> gap(WorkerFeed feed, String cursor, String at, FanOut.Member<TicketEvent> member,
            Predicate<TicketEvent> concerns) {
        Flux<TicketEvent> missed = stream.range(cursor, at)
                .map(hub::ticketEvent)
                .filter(Objects::nonNull)
                .filter(concerns);
        return Flux.concat(
                missed.concatMap(e -> apply(feed, e)),
                Mono.fromSupplier(() -> live(at)),
                member.items().concatMap(e -> apply(feed, e)));
    }

    private Mono<FeedItem> apply(WorkerFeed feed, TicketEvent event) {
        WorkerFeed.Decision decision = feed.decide(event.change());
        return switch (decision) {
            case SKIP -> Mono.empty();
            case REMOVE -> Mono.just(feed.removed(event.cursor(), event.change()));
            case OFFER, CHANGE -> tickets.find(event.change().ticketId(), feed.worker())
                    .map(Optional::of)
                    .onErrorResume(TicketNotFoundException.class, e -> Mono.just(Optional.<TicketView>empty()))
                    .mapNotNull(now -> feed.loaded(event.cursor(), event.change(), decision, now.orElse(null)));
        };
    }

    private static FeedItem live(String cursor) {
        return new FeedItem(FeedItemKind.LIVE, cursor, null);
    }
}
