package com.hotlineops.contract.call;

import java.time.Instant;

/** Calls offered in the minute starting at {@code minute}, and in the same minute a week earlier. */
public record MinuteCount(Instant minute, long offered, long offeredWeekEarlier) {
}
