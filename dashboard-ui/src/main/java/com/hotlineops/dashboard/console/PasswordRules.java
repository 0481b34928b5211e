package com.hotlineops.dashboard.console;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The backend's password policy (decisions 0032 and 0036), mirrored so a form can say what is wrong before anything
 * is sent: at least {@value #MIN} characters, at most {@value #MAX_BYTES} bytes in UTF-8, not only white space, not
 * containing the username. The backend checks again.
 */
public final class PasswordRules {

    public static final int MIN = 10;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** The translation key of the rule the password breaks, or null. */
    public static String problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return "console.admin.users.error.passwordShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "console.admin.users.error.passwordLong";
        }
        if (password.isBlank()) {
            return "console.admin.users.error.passwordBlank";
        }
        if (username != null && !username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "console.admin.users.error.passwordUsername";
        }
        return null;
    }
}
