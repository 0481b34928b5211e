package com.hotlineops.dashboard.console.report;

import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report pages write figures: counts grouped by the reader's locale, rates as the backend's files write them
 * (a percentage with one decimal, a dash when the denominator is 0, DESIGN.md §2.8), times in Asia/Shanghai, the zone
 * of every report range.
 */
final class ReportText {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private ReportText() {
    }

    /** Component::getTranslation, so texts follow the UI's locale. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... parameters);
    }

    static String rate(Double fraction) {
        return fraction == null ? NONE : "%.1f%%".formatted(fraction * 100);
    }

    static String count(long count, Locale locale) {
        return String.format(locale, "%,d", count);
    }

    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** A figure of the report's headline: a caption over a large number; the number's element has {@code id}. */
    static Div figure(String caption, Span value, String id) {
        value.setId(id);
        value.addClassName("report-figure-value");
        Span label = new Span(caption);
        label.addClassName("report-figure-label");
        Div figure = new Div(label, value);
        figure.addClassName("report-figure");
        return figure;
    }

    static void problem(BackendProblem problem) {
        Notification n = Notification.show(problem.getMessage(), 8_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
