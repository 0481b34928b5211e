package com.hotlineops.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTests {

    @Test
    void beforeIsTheGreatestSmallerId() {
        assertThat(EventStream.before("1764150000000-3")).isEqualTo("1764150000000-2");
        assertThat(EventStream.before("1764150000000-0")).isEqualTo("1764149999999-18446744073709551615");
        assertThat(EventStream.before("0-1")).isEqualTo("0-0");
        assertThat(EventStream.before("0-0")).isEqualTo("0-0");
    }

    @Test
    void nothingEverTrimmedThenOnlyWhatXdelRemoved() {
        List<Object> info = List.of("length", 2L, "last-generated-id", "1764150000009-0", "max-deleted-entry-id",
                "0-0", "entries-added", 2L, "first-entry", List.of("1764150000001-0", List.of("oid", "1")));
        assertThat(EventStream.removedUpTo(info)).isEqualTo("0-0");
    }

    @Test
    void trimmedThenJustBeforeTheOldestEntryLeft() {
        List<Object> info = List.of("length", 2L, "last-generated-id", "1764150000009-0", "max-deleted-entry-id",
                "0-0", "entries-added", 5L, "first-entry", List.of("1764150000001-0", List.of("oid", "1")));
        assertThat(EventStream.removedUpTo(info)).isEqualTo("1764150000000-18446744073709551615");
    }

    @Test
    void trimmedToNothingThenTheLastIdEverAdded() {
        // As Redis 7.0.15 answers after XTRIM MAXLEN 0 (max-deleted-entry-id is only kept by XDEL).
        List<Object> info = List.of("length", 0L, "radix-tree-keys", 0L, "last-generated-id", "1795713335605-0",
                "max-deleted-entry-id", "0-0", "entries-added", 2L, "recorded-first-entry-id", "0-0", "groups", 0L,
                "first-entry", List.of(), "last-entry", List.of());
        assertThat(EventStream.removedUpTo(info)).isEqualTo("1795713335605-0");
    }

    @Test
    void olderRedisWithoutCountsThenJustBeforeTheFirstEntry() {
        List<Object> info = List.of("length", 2L, "last-generated-id", "1764150000009-0", "first-entry",
                List.of("1764150000001-0", List.of("oid", "1")));
        assertThat(EventStream.removedUpTo(info)).isEqualTo("1764150000000-18446744073709551615");
    }
}
