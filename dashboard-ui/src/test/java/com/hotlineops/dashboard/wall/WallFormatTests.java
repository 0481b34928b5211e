package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WallFormatTests {

    @Test
    void rateThenPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(WallFormat.rate(0.9645)).isEqualTo("96.5%");
        assertThat(WallFormat.rate(0.95)).isEqualTo("95.0%");
        assertThat(WallFormat.rate(1.0)).isEqualTo("100.0%");
        assertThat(WallFormat.rate(0.0)).isEqualTo("0.0%");
        assertThat(WallFormat.rate(2.0 / 3)).isEqualTo("66.7%");
    }

    @Test
    void rateWithoutDenominatorThenDash() {
        assertThat(WallFormat.rate(null)).isEqualTo("—");
        assertThat(WallFormat.rate(Double.NaN)).isEqualTo("—");
    }

    @Test
    void durationThenMinutesAndSecondsAndHoursFromOneHour() {
        assertThat(WallFormat.duration(0L)).isEqualTo("0:00");
        assertThat(WallFormat.duration(59L)).isEqualTo("0:59");
        assertThat(WallFormat.duration(192L)).isEqualTo("3:12");
        assertThat(WallFormat.duration(3600L)).isEqualTo("1:00:00");
        assertThat(WallFormat.duration(3723L)).isEqualTo("1:02:03");
    }

    @Test
    void durationWhenNobodyWaitsThenDash() {
        assertThat(WallFormat.duration(null)).isEqualTo("—");
    }

    @Test
    void negativeDurationFromClockSkewThenZero() {
        assertThat(WallFormat.duration(-3L)).isEqualTo("0:00");
    }

    @Test
    void countThenGroupedThousands() {
        assertThat(WallFormat.count(12345, Locale.SIMPLIFIED_CHINESE)).isEqualTo("12,345");
        assertThat(WallFormat.count(7, Locale.SIMPLIFIED_CHINESE)).isEqualTo("7");
    }

    @Test
    void clockThenShanghaiTime() {
        assertThat(WallFormat.clock(Instant.parse("2026-11-26T02:03:04Z"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo("10:03:04");
        assertThat(WallFormat.clock(null, ZoneId.of("Asia/Shanghai"))).isEqualTo("—");
    }

    @Test
    void countdownWithTimeLeftThenLikeADuration() {
        assertThat(WallFormat.countdown(0)).isEqualTo("0:00");
        assertThat(WallFormat.countdown(65)).isEqualTo("1:05");
        assertThat(WallFormat.countdown(26 * 3600 + 61)).isEqualTo("26:01:01");
    }

    @Test
    void countdownPastTheDeadlineThenTimeOverdueBehindAMinusSign() {
        assertThat(WallFormat.countdown(-1)).isEqualTo("\u22120:01");
        assertThat(WallFormat.countdown(-3723)).isEqualTo("\u22121:02:03");
    }

    @Test
    void percentThenWholeNumberRoundedHalfUpAndDashWithoutValue() {
        assertThat(WallFormat.percent(0.625)).isEqualTo("63%");
        assertThat(WallFormat.percent(1.0)).isEqualTo("100%");
        assertThat(WallFormat.percent(0.0)).isEqualTo("0%");
        assertThat(WallFormat.percent(null)).isEqualTo("—");
    }

    @Test
    void dueClockThenTimeTodayAndDateBeforeItOnAnotherDayOfShanghai() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.parse("2026-11-26T02:00:00Z");

        assertThat(WallFormat.dueClock(Instant.parse("2026-11-26T09:30:00Z"), now, shanghai)).isEqualTo("17:30");
        // 16:30 UTC is already 00:30 of the next day in Shanghai
        assertThat(WallFormat.dueClock(Instant.parse("2026-11-26T16:30:00Z"), now, shanghai)).isEqualTo("11-27 00:30");
        assertThat(WallFormat.dueClock(null, now, shanghai)).isEqualTo("—");
    }
}
