package com.hotlineops.core.enterprise;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last one a check character. The check: each of the first
 * 17 characters has its value in the set (0–30) and the weight 3<sup>i</sup> mod 31 of its position i (0-based);
 * the check value is {@code 31 − (Σ value·weight mod 31)}, where 31 becomes 0. Lower case is accepted and stored
 * upper case; surrounding blanks are dropped.
 */
public record CreditCode(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;

    public CreditCode {
        if (value == null) {
            throw new IllegalArgumentException("a credit code is required");
        }
        value = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("a unified social credit code has 18 characters, got "
                    + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " ('" + value.charAt(i)
                        + "') is not allowed in a unified social credit code (GB 32100-2015)");
            }
        }
        char expected = checkCharacter(value.substring(0, LENGTH - 1));
        if (value.charAt(LENGTH - 1) != expected) {
            throw new IllegalArgumentException("check character of unified social credit code " + value
                    + " must be '" + expected + "' (GB 32100-2015)");
        }
    }

    /** Whether {@code text} is a valid code. */
    public static boolean isValid(String text) {
        try {
            new CreditCode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The check character of the first 17 characters of a code (GB 32100-2015 §4.2 / annex B). */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
