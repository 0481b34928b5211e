package com.hotlineops.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class ThrottleTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Emission> emitted = new CopyOnWriteArrayList<>();
    private final Throttle<Integer> throttle = new Throttle<>(Duration.ofMillis(250), time,
            value -> emitted.add(new Emission(time.now(TimeUnit.MILLISECONDS), value)));

    @AfterEach
    void stop() {
        throttle.dispose();
        time.dispose();
    }

    @Test
    void firstValueThenPassedOnAtOnce() {
        throttle.offer(1);

        assertThat(emitted).containsExactly(new Emission(0, 1));
    }

    @Test
    void burstWithinIntervalThenOnlyNewestFollowsAtEndOfInterval() {
        throttle.offer(1);
        time.advanceTimeBy(Duration.ofMillis(10));
        throttle.offer(2);
        throttle.offer(3);
        throttle.offer(4);

        time.advanceTimeBy(Duration.ofMillis(200));
        assertThat(emitted).containsExactly(new Emission(0, 1));

        time.advanceTimeBy(Duration.ofMillis(40));
        assertThat(emitted).containsExactly(new Emission(0, 1), new Emission(250, 4));
    }

    @Test
    void steadyFloodThenNeverMoreThanFourInAnySecondAndNewestLast() {
        for (int i = 1; i <= 300; i++) {
            throttle.offer(i);
            time.advanceTimeBy(Duration.ofMillis(10));
        }
        time.advanceTimeBy(Duration.ofSeconds(1));

        for (int i = 0; i + 4 < emitted.size(); i++) {
            assertThat(emitted.get(i + 4).at() - emitted.get(i).at())
                    .as("five emissions must span at least a second")
                    .isGreaterThanOrEqualTo(1000);
        }
        assertThat(emitted).hasSizeBetween(12, 13);
        assertThat(emitted.getLast().value()).isEqualTo(300);
    }

    @Test
    void quietStreamThenEachValueGoesOutWithoutDelay() {
        throttle.offer(1);
        time.advanceTimeBy(Duration.ofSeconds(1));
        throttle.offer(2);
        time.advanceTimeBy(Duration.ofSeconds(1));
        throttle.offer(3);

        assertThat(emitted).containsExactly(new Emission(0, 1), new Emission(1000, 2), new Emission(2000, 3));
    }

    @Test
    void disposedThenNothingMoreGoesOut() {
        throttle.offer(1);
        throttle.offer(2);
        throttle.dispose();
        throttle.offer(3);
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(emitted).containsExactly(new Emission(0, 1));
    }

    private record Emission(long at, int value) {
    }
}
