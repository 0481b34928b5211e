package com.hotlineops.core.ticket;

/** Masks citizens' numbers wherever a full number must not appear (walls, feeds, lists). */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    public static String mask(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String digits = number.strip();
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }
}
