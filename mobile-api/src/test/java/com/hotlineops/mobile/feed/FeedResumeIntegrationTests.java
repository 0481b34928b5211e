package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import com.hotlineops.mobile.ticket.WorkerTickets;
import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.test.StepVerifier;

/** A phone that lost its connection resumes from the last cursor it saw and misses nothing, twice nothing. */
class FeedResumeIntegrationTests extends MobileApiIntegrationTestSupport {

    @Autowired
    RedisClient redis;

    @Autowired
    WorkerTickets workerTickets;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void resumeWithCursorDeliversChangesMadeWhileDisconnectedWithoutDuplicates(Transport transport) {
        Actor worker1 = actor("worker1");
        RSocketRequester phone = connect(transport, accessToken("worker1"));
        FeedRecorder before = openFeed(phone, null);
        before.awaitLive();
        TicketView kept = dispatchedTicket("T01-G01");
        before.await(FeedItemKind.OFFERED, kept.id());
        List<FeedItem> seen = before.items();
        String cursor = seen.getLast().cursor();
        before.dispose();

        // While the phone is away: it accepts (from another device) and reports progress, one new ticket is
        // offered, and one more is offered and taken by a colleague before the phone is back.
        tickets.accept(new TicketCommand(UUID.randomUUID(), kept.id(), null), worker1).block(TIMEOUT);
        CommandResult progress = tickets.progress(new TicketCommand(UUID.randomUUID(), kept.id(), "已到现场"), worker1)
                .block(TIMEOUT);
        TicketView offered = dispatchedTicket("T01-G01");
        TicketView takenMeanwhile = dispatchedTicket("T01-G01");
        FeedRecorder colleague = openFeed(connect(transport, accessToken("worker2")), null);
        colleague.awaitLive();
        tickets.accept(new TicketCommand(UUID.randomUUID(), takenMeanwhile.id(), null), actor("worker2"))
                .block(TIMEOUT);
        // Once the colleague's feed shows the last change, this instance's hub has passed all of them, so the
        // resumed feed must read them back from the stream.
        colleague.await(FeedItemKind.CHANGED, takenMeanwhile.id());

        FeedRecorder after = openFeed(connect(transport, accessToken("worker1")), cursor);
        FeedItem live = after.awaitLive();
        after.await(FeedItemKind.OFFERED, offered.id());

        assertThat(after.items()).extracting(FeedItem::kind).doesNotContain(FeedItemKind.CURRENT);
        assertThat(after.itemsFor(kept.id())).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(FeedItemKind.CHANGED);
            assertThat(item.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
            assertThat(item.ticket().version()).isEqualTo(progress.ticket().version());
        });
        assertThat(after.itemsFor(offered.id())).extracting(FeedItem::kind).containsExactly(FeedItemKind.OFFERED);
        assertThat(after.itemsFor(takenMeanwhile.id())).isEmpty();
        assertThat(StreamIds.compare(live.cursor(), cursor)).isPositive();
        assertThat(after.items().indexOf(live)).isEqualTo(after.items().size() - 1);

        // And it goes on live: finishing from the phone takes the ticket off its list.
        tickets.finish(new TicketCommand(UUID.randomUUID(), kept.id(), "已处理"), worker1).block(TIMEOUT);
        after.await(FeedItemKind.REMOVED, kept.id());
        List<String> delivered = after.items().stream().filter(i -> i.ticket() != null)
                .map(i -> i.ticket().id() + "@" + i.ticket().version()).toList();
        assertThat(delivered).doesNotHaveDuplicates();
    }

    @Test
    void resumeWithCursorOfLiveAndNoChangesSinceThenOnlyLive() {
        RSocketRequester phone = connect(Transport.TCP, accessToken("worker4"));
        FeedRecorder first = openFeed(phone, null);
        String cursor = first.awaitLive().cursor();
        first.dispose();

        FeedRecorder resumed = openFeed(phone, cursor);
        FeedItem live = resumed.awaitLive();
        assertThat(live.cursor()).isEqualTo(cursor);
        assertThat(resumed.items()).containsExactly(live);
    }

    @Test
    void freshFeedListsTheWorkersTicketsAtTheCursorOfLive() {
        TicketView offered = dispatchedTicket("T01-G02");
        RSocketRequester phone = connect(Transport.WEBSOCKET, accessToken("worker3"));

        FeedRecorder feed = openFeed(phone, null);
        FeedItem live = feed.awaitLive();

        assertThat(feed.itemsFor(offered.id())).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(FeedItemKind.CURRENT);
            assertThat(item.cursor()).isEqualTo(live.cursor());
        });
        assertThat(feed.items()).filteredOn(i -> i.kind() == FeedItemKind.CURRENT)
                .allSatisfy(i -> assertThat(i.ticket().gridId()).isEqualTo(offered.gridId()));
    }

    @Test
    void feedWithMalformedCursorThenInvalidRequestError() {
        RSocketRequester phone = connect(Transport.TCP, accessToken("worker1"));
        StepVerifier.create(phone.route("mobile.feed").data(new com.hotlineops.contract.mobile.FeedRequest("$"))
                        .retrieveFlux(FeedItem.class))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("invalid-request:"))
                .verify(TIMEOUT);
    }

    @Test
    void resumeFromCursorOlderThanTheTrimmedStreamThenResyncFullListThenLiveNeverSilentLoss() {
        RSocketRequester phone = connect(Transport.TCP, cachedToken("worker1"));
        FeedRecorder first = openFeed(phone, null);
        String cursor = first.awaitLive().cursor();
        first.dispose();
        TicketView whileAway = dispatchedTicket("T01-G01");
        FeedRecorder colleague = openFeed(connect(Transport.TCP, cachedToken("worker2")), null);
        colleague.await(i -> i.ticket() != null && i.ticket().id().equals(whileAway.id()));
        // The stream keeps nothing older than now, as if the phone had been away for longer than it keeps.
        trimEventStream();

        FeedRecorder resumed = openFeed(phone, cursor);
        FeedItem live = resumed.awaitLive();
        TicketView afterwards = dispatchedTicket("T01-G01");
        resumed.await(FeedItemKind.OFFERED, afterwards.id());

        List<FeedItem> items = resumed.items();
        assertThat(items.getFirst().kind()).isEqualTo(FeedItemKind.RESYNC);
        assertThat(items.getFirst().cursor()).isEqualTo(live.cursor());
        int liveAt = items.indexOf(live);
        assertThat(items.subList(1, liveAt)).extracting(FeedItem::kind).containsOnly(FeedItemKind.CURRENT);
        assertThat(items.subList(1, liveAt)).extracting(i -> i.ticket().id()).contains(whileAway.id());
        assertThat(items.subList(1, liveAt)).extracting(i -> i.ticket().id())
                .containsExactlyInAnyOrderElementsOf(workerTickets.current(actor("worker1"))
                        .map(TicketView::id).collectList().block(TIMEOUT).stream()
                        .filter(id -> !id.equals(afterwards.id())).toList());
        assertThat(resumed.itemsFor(afterwards.id())).extracting(FeedItem::kind)
                .containsExactly(FeedItemKind.OFFERED);
    }

    @Test
    void resumeWhileChangesArriveThenEveryChangeExactlyOnceAcrossTheSeam() {
        RSocketRequester phone = connect(Transport.WEBSOCKET, cachedToken("worker4"));
        for (int round = 0; round < 3; round++) {
            FeedRecorder first = openFeed(phone, null);
            String cursor = first.awaitLive().cursor();
            first.dispose();
            List<UUID> offered = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 5; i++) {
                offered.add(dispatchedTicket("T02-G01").id());
            }
            // More arrive while the feed resumes: some fall in the range read back, some in the hub's buffer.
            Disposable more = Flux.range(0, 15).concatMap(i -> Mono.fromCallable(() -> dispatchedTicket("T02-G01").id())
                            .subscribeOn(Schedulers.boundedElastic()))
                    .subscribe(offered::add);
            FeedRecorder resumed = openFeed(phone, cursor);
            Awaitility.await().atMost(TIMEOUT).until(more::isDisposed);
            Awaitility.await().atMost(TIMEOUT).until(() -> offered.stream()
                    .allMatch(id -> !resumed.itemsFor(id).isEmpty()) || resumed.error() != null);

            assertThat(resumed.error()).isNull();
            assertThat(offered).hasSize(20).allSatisfy(id -> assertThat(resumed.itemsFor(id))
                    .extracting(FeedItem::kind).containsExactly(FeedItemKind.OFFERED));
            assertThat(resumed.items()).filteredOn(i -> i.kind() == FeedItemKind.LIVE).hasSize(1);
            List<String> cursors = resumed.items().stream().filter(i -> i.kind() != FeedItemKind.LIVE)
                    .map(FeedItem::cursor).toList();
            assertThat(cursors).isSortedAccordingTo(StreamIds.ORDER).doesNotHaveDuplicates();
            resumed.dispose();
        }
    }

    @Test
    void resumedFeedsReadTheirGapOnceEachAndOpenNoRedisReaderOfTheirOwn() {
        RSocketRequester phone = connect(Transport.TCP, cachedToken("worker3"));
        FeedRecorder first = openFeed(phone, null);
        String cursor = first.awaitLive().cursor();
        TicketView missed = dispatchedTicket("T01-G02");
        first.await(FeedItemKind.OFFERED, missed.id());
        first.dispose();
        openFeed(phone, cursor).awaitLive();
        long xrangeBefore = redisStat("commandstats", "cmdstat_xrange:calls=");
        long clientsBefore = redisStat("clients", "connected_clients:");

        List<FeedRecorder> resumed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            resumed.add(openFeed(phone, cursor));
        }
        resumed.forEach(f -> f.await(FeedItemKind.OFFERED, missed.id()));
        resumed.forEach(FeedRecorder::awaitLive);

        assertThat(redisStat("commandstats", "cmdstat_xrange:calls=") - xrangeBefore).isEqualTo(10);
        assertThat(redisStat("clients", "connected_clients:")).isEqualTo(clientsBefore);
    }

    private long redisStat(String section, String prefix) {
        try (var c = redis.connect()) {
            return c.sync().info(section).lines().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).split(",")[0].strip())
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        }
    }

    private void trimEventStream() {
        try (var c = redis.connect()) {
            c.sync().xtrim(hotline.redis().key("events"), 0);
        }
    }
}
