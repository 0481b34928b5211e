package com.hotlineops.core.useradmin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a password set by an administrator must be (decision 0032): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further, so a longer one would be silently cut), not only
 * white space, and not containing the username in any letter case.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** @throws InvalidUserException saying which rule the password breaks; the message never repeats it */
    static void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidUserException("The password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidUserException("The password must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (password.isBlank()) {
            throw new InvalidUserException("The password must not be only white space");
        }
        if (username != null && !username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidUserException("The password must not contain the username");
        }
    }
}
