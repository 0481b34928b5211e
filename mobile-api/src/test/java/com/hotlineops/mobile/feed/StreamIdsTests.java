package com.hotlineops.mobile.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTests {

    @Test
    void ordersByTimeThenSequenceNumerically() {
        assertThat(StreamIds.compare("1700000000000-0", "1700000000000-0")).isZero();
        assertThat(StreamIds.compare("1700000000000-10", "1700000000000-9")).isPositive();
        assertThat(StreamIds.compare("999-5", "1000-0")).isNegative();
        assertThat(StreamIds.after("0-1", StreamIds.START)).isTrue();
        assertThat(StreamIds.max("5-1", "5-2")).isEqualTo("5-2");
    }

    @Test
    void acceptsOnlyStreamIdsAsCursors() {
        assertThat(StreamIds.valid("1764150000000-0")).isTrue();
        assertThat(StreamIds.valid("0-0")).isTrue();
        assertThat(StreamIds.valid(null)).isFalse();
        assertThat(StreamIds.valid("")).isFalse();
        assertThat(StreamIds.valid("$")).isFalse();
        assertThat(StreamIds.valid("12-")).isFalse();
        assertThat(StreamIds.valid("1-2-3")).isFalse();
        assertThat(StreamIds.valid("99999999999999999999-0")).isFalse();
    }
}
