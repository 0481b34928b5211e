package com.hotlineops.dashboard.wall;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard of the wall's privacy rule (DESIGN.md §3: aggregates and masked data only, no full phone number on a
 * wall). The frame carries no citizen data, but unit names, seats and directors' names are typed in by people, so
 * any run of seven or more digits in them is masked before it reaches a screen; a ticket number is shown only in its
 * own form ({@code yyyyMMdd} + 6 digits, DESIGN.md §2.2) and masked otherwise.
 */
final class WallPrivacy {

    /** Seven digits make a local landline number; a mobile number has eleven. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}");
    private static final Pattern TICKET_NUMBER = Pattern.compile("20\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{6}");
    private static final int KEEP_FRONT = 3;
    private static final int KEEP_BACK = 2;

    private WallPrivacy() {
    }

    /** Free text with every run of seven or more digits masked, e.g. "热线13912345678" → "热线139******78". */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        Matcher digits = DIGIT_RUN.matcher(value);
        return digits.replaceAll(run -> mask(run.group()));
    }

    /** A ticket number as it is when it has the ticket-number form, otherwise masked like free text. */
    static String ticketNumber(String value) {
        if (value == null || TICKET_NUMBER.matcher(value).matches()) {
            return value;
        }
        return text(value);
    }

    private static String mask(String run) {
        return run.substring(0, KEEP_FRONT) + "*".repeat(run.length() - KEEP_FRONT - KEEP_BACK)
                + run.substring(run.length() - KEEP_BACK);
    }
}
