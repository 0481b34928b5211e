package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.call.MinuteCount;
import com.hotlineops.contract.wall.WallFrame;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls offered per minute over the last hour beside the same minutes a week earlier (the frame's
 * {@code calls.perMinute}, DESIGN.md §2.4), oldest minute first, as the chart draws them.
 *
 * @param minutes labels {@code HH:mm} on the hotline's clock
 */
record VolumeSeries(List<String> minutes, List<Long> today, List<Long> weekEarlier) {

    static final VolumeSeries EMPTY = new VolumeSeries(List.of(), List.of(), List.of());

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    VolumeSeries {
        minutes = List.copyOf(minutes);
        today = List.copyOf(today);
        weekEarlier = List.copyOf(weekEarlier);
    }

    static VolumeSeries of(WallFrame frame, ZoneId zone) {
        if (frame == null || frame.calls() == null) {
            return EMPTY;
        }
        List<MinuteCount> counts = frame.calls().perMinute().stream()
                .filter(m -> m.minute() != null)
                .sorted(Comparator.comparing(MinuteCount::minute))
                .toList();
        return new VolumeSeries(counts.stream().map(m -> MINUTE.format(m.minute().atZone(zone))).toList(),
                counts.stream().map(MinuteCount::offered).toList(),
                counts.stream().map(MinuteCount::offeredWeekEarlier).toList());
    }

    /** {@code {"minutes":[…],"today":[…],"weekEarlier":[…]}}: labels are digits and a colon, so nothing to escape. */
    String json() {
        return "{\"minutes\":" + minutes.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"today\":" + numbers(today) + ",\"weekEarlier\":" + numbers(weekEarlier) + "}";
    }

    private static String numbers(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
