package com.hotlineops.mobile.feed;

import java.util.Comparator;
import java.util.regex.Pattern;

/** Redis stream entry ids ({@code <millis>-<sequence>}), which are the feed's cursors. */
final class StreamIds {

    static final String START = "0-0";

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}-[0-9]{1,19}");

    static final Comparator<String> ORDER = StreamIds::compare;

    private StreamIds() {
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static int compare(String a, String b) {
        int dash = a.indexOf('-');
        int otherDash = b.indexOf('-');
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a, 0, dash, 10),
                Long.parseUnsignedLong(b, 0, otherDash, 10));
        return byTime != 0 ? byTime
                : Long.compareUnsigned(Long.parseUnsignedLong(a, dash + 1, a.length(), 10),
                        Long.parseUnsignedLong(b, otherDash + 1, b.length(), 10));
    }

    static boolean after(String a, String b) {
        return compare(a, b) > 0;
    }

    static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }
}
