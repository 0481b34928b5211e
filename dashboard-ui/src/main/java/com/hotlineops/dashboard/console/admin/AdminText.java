package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.contract.sla.SlaLimit;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the admin pages write times, limits and outcomes, in the user's language. Times are shown in Asia/Shanghai, the
 * zone of every calendar rule (DESIGN.md §2.3), whatever the zone of the server or the browser.
 */
final class AdminText {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private AdminText() {
    }

    /** Component::getTranslation, so texts follow the UI's locale. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... parameters);
    }

    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** "2 工作小时", "3 个工作日", "30 小时（自然时间）"; a dash for no limit (the revisit's sign-for). */
    static String limit(SlaLimit limit, Translator t) {
        if (limit == null || limit.amount() == null || limit.unit() == null) {
            return NONE;
        }
        return t.get("console.admin.unit.amount." + limit.unit().name(), limit.amount());
    }

    static String unit(DurationUnit unit, Translator t) {
        return t.get("console.admin.unit." + unit.name());
    }

    /** A one-line explanation beside an action that changes what partners or open tickets see. */
    static Paragraph explanation(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("admin-explain");
        return p;
    }

    /**
     * Asks before a change (a red button when {@code danger}); on confirmation runs {@code action}, whose refusal by
     * the backend is shown as its problem, changing nothing on the page.
     */
    static void confirm(String id, String header, String text, String button, boolean danger, Translator t,
            Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(t.get("console.admin.cancel"));
        confirm.setConfirmText(button);
        confirm.setConfirmButtonTheme(danger ? "error primary" : "primary");
        confirm.addConfirmListener(event -> {
            try {
                action.run();
            } catch (BackendProblem problem) {
                problem(problem);
            }
        });
        confirm.open();
    }

    static void problem(BackendProblem problem) {
        Notification n = Notification.show(problem.getMessage(), 8_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void done(String message) {
        Notification n = Notification.show(message, 5_000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
