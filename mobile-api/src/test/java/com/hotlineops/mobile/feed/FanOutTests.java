package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class FanOutTests {

    private final FanOut<Integer> fanOut = new FanOut<>(16, Schedulers.immediate(), () -> new FeedOverflowException(16));

    @Test
    void memberGetsOnlyItemsPublishedAfterItJoinedThatItsFilterAccepts() {
        fanOut.start("0-0");
        fanOut.publish("1-0", 1);
        FanOut.Member<Integer> evens = fanOut.join(i -> i % 2 == 0);
        fanOut.publish("2-0", 2);
        fanOut.publish("3-0", 3);
        fanOut.publish("3-1", null);
        fanOut.publish("4-0", 4);

        assertThat(evens.position()).isEqualTo("1-0");
        StepVerifier.create(evens.items())
                .expectNext(2, 4)
                .then(evens::leave)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(fanOut.size()).isZero();
    }

    @Test
    void joinWhenNotStartedThenRefused() {
        assertThatIllegalStateException().isThrownBy(() -> fanOut.join(i -> true));
    }

    @Test
    void slowMemberIsDroppedWithAnErrorWhileOthersKeepReceiving() {
        fanOut.start("0-0");
        FanOut.Member<Integer> slow = fanOut.join(i -> true);
        FanOut.Member<Integer> fast = fanOut.join(i -> true);
        List<Integer> fastGot = new CopyOnWriteArrayList<>();
        fast.items().subscribe(fastGot::add);

        for (int i = 1; i <= 100; i++) {
            fanOut.publish(i + "-0", i);
        }

        assertThat(fanOut.size()).isEqualTo(1);
        StepVerifier.create(slow.items(), 0)
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(i -> true)
                .expectError(FeedOverflowException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(fastGot).hasSize(100);
    }

    @Test
    void memberWhoseFilterFailsIsEndedAndTheOthersGoOn() {
        fanOut.start("0-0");
        FanOut.Member<Integer> broken = fanOut.join(i -> {
            throw new IllegalStateException("broken filter");
        });
        FanOut.Member<Integer> healthy = fanOut.join(i -> true);
        List<Integer> healthyGot = new CopyOnWriteArrayList<>();
        healthy.items().subscribe(healthyGot::add);

        fanOut.publish("1-0", 1);
        fanOut.publish("2-0", 2);

        StepVerifier.create(broken.items()).expectErrorMessage("broken filter").verify(Duration.ofSeconds(5));
        assertThat(healthyGot).containsExactly(1, 2);
        assertThat(fanOut.size()).isEqualTo(1);
    }

    @Test
    void closeAllEndsEveryMemberSoPhonesReconnect() {
        fanOut.start("0-0");
        FanOut.Member<Integer> member = fanOut.join(i -> true);
        fanOut.closeAll(() -> new IllegalStateException("server-shutdown"));

        StepVerifier.create(member.items()).expectErrorMessage("server-shutdown").verify(Duration.ofSeconds(5));
    }
}
