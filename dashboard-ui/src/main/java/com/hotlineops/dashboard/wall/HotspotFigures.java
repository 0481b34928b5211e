package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.contract.wall.WallFrame;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The hotspots of a frame (DESIGN.md §2.8, decision 0027) as the wall shows them: the spikes of the last 24 hours,
 * each a count against the usual count of that hour ("37 / 常态 6"), or, with no spike, the categories with most
 * tickets, so the panel always says why it shows what it shows. Category and unit names only, each through
 * {@link WallPrivacy}.
 *
 * @param state    what the panel shows
 * @param rows     spikes (with {@code SPIKES}) or the top categories (with {@code TOP_CATEGORIES}), at most
 *                 {@link #MAX_ROWS}
 * @param more     spiking category × areas that did not fit, 0 when all did
 * @param spikes   spiking category × areas in all, as text
 * @param tickets  tickets of the 24 hours, as text
 * @param weeks    the rule's baseline weeks; {@code alpha} and {@code minCount} its threshold, for the caption
 */
record HotspotFigures(State state, List<Row> rows, int more, String spikes, String tickets, String weeks,
        String alpha, String minCount) {

    static final int MAX_ROWS = 8;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd");

    HotspotFigures {
        rows = List.copyOf(rows);
    }

    enum State {
        /** No hotspots computed yet (a backend just started, or one without them). */
        WAITING,
        SPIKES,
        /** No spike in the 24 hours: the categories with most tickets instead. */
        TOP_CATEGORIES,
        /** Not one ticket in the 24 hours. */
        NO_TICKETS
    }

    /**
     * One line of the panel.
     *
     * @param category the category's name in the wall's language; {@code null} for tickets not classified
     * @param area     the unit (属地) of a spike; {@code null} for a spike of tickets not yet dispatched, and for a top
     *                 category (which counts every area)
     * @param hour     the spike's hour on the hotline's clock, e.g. "10–11" or "23–24"; {@code null} for a top
     *                 category
     * @param daysAgo  0 when that hour is today's, 1 yesterday's …
     * @param date     the hour's date ("11-25"), for an hour before yesterday
     * @param baseline the usual count of that hour (the mean of the same hour in the previous weeks), e.g. "6" or
     *                 "1.5"; {@code null} for a top category
     */
    record Row(boolean spike, String category, String area, String hour, int daysAgo, String date, String count,
            String baseline) {
    }

    static final HotspotFigures WAITING = new HotspotFigures(State.WAITING, List.of(), 0, WallFormat.NONE,
            WallFormat.NONE, WallFormat.NONE, WallFormat.NONE, WallFormat.NONE);

    static HotspotFigures of(WallFrame frame, Instant now, ZoneId zone, Locale locale) {
        HotspotBoard board = frame == null ? HotspotBoard.EMPTY : frame.hotspots();
        if (board == null || board.to() == null || board.rule() == null) {
            return WAITING;
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        State state;
        List<Row> rows;
        if (!board.spikes().isEmpty()) {
            state = State.SPIKES;
            rows = board.spikes().stream().limit(MAX_ROWS)
                    .map(s -> spike(s, now, zone, locale, chinese))
                    .toList();
        } else if (board.tickets() > 0) {
            state = State.TOP_CATEGORIES;
            rows = board.topCategories().stream().limit(MAX_ROWS)
                    .map(c -> new Row(false, category(c.categoryCode(), c.categoryName(), c.categoryNameEn(), chinese),
                            null, null, 0, null, WallFormat.count(c.count(), locale), null))
                    .toList();
        } else {
            state = State.NO_TICKETS;
            rows = List.of();
        }
        int more = state == State.SPIKES ? Math.max(0, board.spikeAreas() - rows.size()) : 0;
        HotspotBoard.Rule rule = board.rule();
        return new HotspotFigures(state, rows, more, WallFormat.count(board.spikeAreas(), locale),
                WallFormat.count(board.tickets(), locale), Integer.toString(rule.weeks()),
                BigDecimal.valueOf(rule.alpha()).stripTrailingZeros().toPlainString(),
                Integer.toString(rule.minCount()));
    }

    /**
     * The name in the wall's language (the Chinese name where the English one is missing), the code when the tree no
     * longer knows it, {@code null} for unclassified tickets.
     */
    private static String category(String code, String name, String nameEn, boolean chinese) {
        if (code == null) {
            return null;
        }
        String shown = chinese || nameEn == null ? name : nameEn;
        return WallPrivacy.text(shown == null ? code : shown);
    }

    private static Row spike(HotspotBoard.Spike s, Instant now, ZoneId zone, Locale locale, boolean chinese) {
        String hour = null;
        int daysAgo = 0;
        String date = null;
        if (s.hour() != null) {
            ZonedDateTime start = s.hour().atZone(zone);
            hour = start.getHour() + "–" + (start.getHour() + 1); // the last hour of a day ends at 24
            daysAgo = (int) ChronoUnit.DAYS.between(start.toLocalDate(), now.atZone(zone).toLocalDate());
            date = DATE.format(start);
        }
        return new Row(true, category(s.categoryCode(), s.categoryName(), s.categoryNameEn(), chinese),
                WallPrivacy.text(s.unitName()), hour, daysAgo, date, WallFormat.count(s.count(), locale),
                mean(s.baselineMean()));
    }

    /** A baseline mean with at most one decimal and none when whole: 6.0 → "6", 1.5 → "1.5", 0.25 → "0.3". */
    static String mean(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return WallFormat.NONE;
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
