package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.sla.SlaClockKind;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketStatus;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The words and times of tickets in the UI's language (keys {@code console.enum.*}): states, grades, channels, SLA
 * clocks and their states, history entries. Times are shown on the hotline's clock, Asia/Shanghai (DESIGN.md §2.3),
 * whatever the browser's zone.
 */
public final class TicketLabels {

    /** Calendar rules and deadlines of the hotline run on Asia/Shanghai (DESIGN.md §2.3). */
    public static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(HOTLINE_ZONE);

    /** History entry types with a label of their own: the intake, deadline moves and every lifecycle action. */
    static final Set<String> EVENT_TYPES = Set.of("RECEIVED", "DEADLINES_MOVED", "ANSWER_DIRECTLY",
            "SUBMIT_FOR_DISPATCH", "DISPATCH", "ACCEPT", "PROGRESS", "REQUEST_RETURN", "APPROVE_RETURN",
            "REJECT_RETURN", "FINISH", "AUDIT_PASS", "AUDIT_REJECT", "REVISIT_CLOSE", "REVISIT_UNSATISFIED",
            "REVISIT_UNREACHABLE", "TRANSFER_EMERGENCY", "REQUEST_EXTENSION", "APPROVE_EXTENSION", "REJECT_EXTENSION",
            "PAUSE", "SUPERVISE", "TAG", "RESUME", "MERGE");

    private TicketLabels() {
    }

    public static String status(TicketStatus status) {
        return status == null ? "" : I18NProvider.translate("console.enum.status." + status.name());
    }

    public static String grade(TicketGrade grade) {
        return grade == null ? "" : I18NProvider.translate("console.enum.grade." + grade.name());
    }

    public static String channel(Channel channel) {
        return channel == null ? "" : I18NProvider.translate("console.enum.channel." + channel.name());
    }

    public static String sla(SlaState state) {
        return state == null ? "" : I18NProvider.translate("console.enum.sla." + state.name());
    }

    public static String clock(SlaClockKind clock) {
        return I18NProvider.translate("console.enum.clock." + clock.name());
    }

    public static String revisit(RevisitResult result) {
        return I18NProvider.translate("console.enum.revisit." + result.name());
    }

    public static String tag(String tag) {
        return switch (tag) {
            case "PROMISED", "UNSATISFIED", "DIRECTOR_TAKEN" -> I18NProvider.translate("console.enum.tag." + tag);
            default -> tag;
        };
    }

    /** A history entry's type; one this console does not know yet is shown as the backend named it. */
    public static String event(String type) {
        return EVENT_TYPES.contains(type) ? I18NProvider.translate("console.enum.event." + type) : type;
    }

    /** An instant on the hotline's clock, empty when there is none. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
