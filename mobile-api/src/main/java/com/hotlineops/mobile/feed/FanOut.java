package com.hotlineops.mobile.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * Hands each item of one ordered source to every member whose filter accepts it. Each member has a bounded
 * buffer: a member that lets it fill up is ended with the error from {@code overflow} and dropped, so one slow
 * phone never holds back the source or the others. Joining is atomic with publishing: a member gets exactly the
 * items published after the {@linkplain Member#position() position} it joined at.
 */
final class FanOut<T> {

    private final int buffer;
    private final Scheduler scheduler;
    private final Supplier<? extends Throwable> overflow;
    private final Set<Member<T>> members = new LinkedHashSet<>();
    private String position;

    FanOut(int buffer, Scheduler scheduler, Supplier<? extends Throwable> overflow) {
        this.buffer = buffer;
        this.scheduler = scheduler;
        this.overflow = overflow;
    }

    /** Sets the position of the source before the first item; members cannot join before. */
    synchronized void start(String initialPosition) {
        position = initialPosition;
    }

    synchronized boolean started() {
        return position != null;
    }

    /** Joins at the current position; {@link Member#leave()} must be called when done. */
    synchronized Member<T> join(Predicate<? super T> filter) {
        if (position == null) {
            throw new IllegalStateException("not started");
        }
        Member<T> member = new Member<>(this, position, filter,
                Sinks.many().unicast().onBackpressureBuffer(Queues.<T>get(buffer).get()));
        members.add(member);
        return member;
    }

    /** Moves the position to {@code cursor} and offers {@code item}, if any, to the members that want it. */
    synchronized void publish(String cursor, T item) {
        position = cursor;
        if (item == null) {
            return;
        }
        List<Member<T>> gone = null;
        for (Member<T> member : members) {
            boolean wanted;
            try {
                wanted = member.filter.test(item);
            } catch (RuntimeException e) {
                // One feed's failure ends that feed only; the source and the other members go on.
                member.sink.tryEmitError(e);
                gone = gone == null ? new ArrayList<>() : gone;
                gone.add(member);
                continue;
            }
            if (!wanted) {
                continue;
            }
            Sinks.EmitResult result = member.sink.tryEmitNext(item);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
                // A full buffer, whether or not the member has subscribed yet (a feed still sending its list).
                member.sink.tryEmitError(overflow.get());
            }
            if (result.isFailure()) {
                gone = gone == null ? new ArrayList<>() : gone;
                gone.add(member);
            }
        }
        if (gone != null) {
            gone.forEach(members::remove);
        }
    }

    /** Ends every member with {@code error}, e.g. at shutdown, so that phones reconnect elsewhere. */
    synchronized void closeAll(Supplier<? extends Throwable> error) {
        members.forEach(m -> m.sink.tryEmitError(error.get()));
        members.clear();
    }

    synchronized int size() {
        return members.size();
    }

    /** Every emission happens under the lock: Reactor sinks must not be signalled concurrently. */
    private synchronized void leave(Member<T> member) {
        members.remove(member);
        member.sink.tryEmitComplete();
    }

    /** One subscriber's place in the fan-out. */
    static final class Member<T> {

        private final FanOut<T> owner;
        private final String position;
        private final Predicate<? super T> filter;
        private final Sinks.Many<T> sink;

        private Member(FanOut<T> owner, String position, Predicate<? super T> filter, Sinks.Many<T> sink) {
            this.owner = owner;
            this.position = position;
            this.filter = filter;
            this.sink = sink;
        }

        /** The cursor of the last item published before this member joined. */
        String position() {
            return position;
        }

        /**
         * The items published after {@link #position()}, buffered until subscribed; delivered on the fan-out's
         * scheduler so that the publisher never runs a member's work. Subscribe at most once.
         */
        Flux<T> items() {
            return sink.asFlux().publishOn(owner.scheduler, 32);
        }

        void leave() {
            owner.leave(this);
        }
    }
}
