package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How this console writes times, durations and deadlines, in the user's language. Times are shown in Asia/Shanghai,
 * the zone of every calendar rule (DESIGN.md §2.3), whatever the server's zone.
 */
final class SupervisorText {

    /** Component::getTranslation, so texts follow the UI's locale. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... parameters);
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private SupervisorText() {
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    static String fullTime(Instant instant) {
        return instant == null ? "—" : FULL.format(instant);
    }

    /** A duration to the minute (seconds below one minute): "2天3小时", "1h 05m". */
    static String duration(Duration duration, Translator t) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return t.get("console.supervisor.duration.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return t.get("console.supervisor.duration.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return t.get("console.supervisor.duration.hours", hours, String.format("%02d", minutes % 60));
        }
        return t.get("console.supervisor.duration.days", hours / 24, hours % 24);
    }

    /** The time left until {@code due}, or how long it is overdue; a dash without a running deadline. */
    static String countdown(Instant due, Instant now, Translator t) {
        if (due == null) {
            return "—";
        }
        Duration left = Duration.between(now, due);
        return left.isNegative()
                ? t.get("console.supervisor.due.overdueBy", duration(left.negated(), t))
                : t.get("console.supervisor.due.left", duration(left, t));
    }

    /** The SLA state as a coloured label: amber at risk, red overdue (as on the wall). */
    static Span slaBadge(SlaState state, Translator t) {
        Span badge = new Span(state == null ? "—" : t.get("console.enum.sla." + state.name()));
        badge.addClassName("supervisor-sla");
        if (state != null) {
            badge.addClassName("supervisor-sla-" + state.name().toLowerCase().replace('_', '-'));
        }
        return badge;
    }

    static void problem(BackendProblem problem) {
        Notification n = Notification.show(problem.getMessage(), 8_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void done(String message) {
        Notification n = Notification.show(message, 4_000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
