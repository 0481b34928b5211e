package com.hotlineops.dashboard.console.agent;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.TicketGrade;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the agent has typed about a call, checked before anything is sent with the rules the backend's intake applies
 * (title up to 200 characters, content up to 10,000, a phone of 3–20 digits), so that a mistake is shown at the field
 * instead of as a refusal. Blank optional fields are sent as absent.
 */
record CallDraft(Channel channel, String citizenName, String phone, String title, String content, String categoryCode,
        String location, TicketGrade grade) {

    static final int TITLE_MAX = 200;
    static final int CONTENT_MAX = 10_000;
    private static final Pattern PHONE = Pattern.compile("\\d{3,20}");

    enum Field {
        CHANNEL, PHONE, TITLE, CONTENT
    }

    /** The i18n key of what is wrong, per field; empty when the draft can be sent. */
    Map<Field, String> problems() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (channel == null) {
            problems.put(Field.CHANNEL, "console.agent.error.required");
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            problems.put(Field.PHONE, "console.agent.error.phone");
        }
        if (title == null || title.isBlank()) {
            problems.put(Field.TITLE, "console.agent.error.required");
        } else if (title.strip().length() > TITLE_MAX) {
            problems.put(Field.TITLE, "console.agent.error.titleLength");
        }
        if (content == null || content.isBlank()) {
            problems.put(Field.CONTENT, "console.agent.error.required");
        } else if (content.strip().length() > CONTENT_MAX) {
            problems.put(Field.CONTENT, "console.agent.error.contentLength");
        }
        return problems;
    }

    /**
     * Whether the call starts as RECEIVED, where the agent may still answer it or transfer it: only the voice channels
     * do; the backend sends every other channel straight to the dispatch queue (DESIGN.md §2.1–2.2).
     */
    boolean voice() {
        return channel == Channel.HOTLINE || channel == Channel.ENTERPRISE_LINE;
    }

    /**
     * The intake request. {@code externalId} names this call at this desk, so that sending it twice (a double click,
     * a retry after a timeout) returns the first ticket instead of making a second one.
     */
    IntakeRequest toIntake(String externalId) {
        Citizen citizen = blank(citizenName) && blank(phone) ? null
                : new Citizen(orNull(citizenName), orNull(phone));
        return new IntakeRequest(channel, externalId, citizen, title.strip(), content.strip(), orNull(categoryCode),
                orNull(location), grade, channel == Channel.ENTERPRISE_LINE ? Boolean.TRUE : null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
