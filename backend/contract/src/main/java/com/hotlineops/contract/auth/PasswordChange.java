package com.hotlineops.contract.auth;

/**
 * {@code POST /api/v1/auth/password} and {@code /mobile/v1/auth/password}: the signed-in user's current password and
 * the new one, under the password rules of user administration; answered with a fresh token pair (decision 0036).
 */
public record PasswordChange(String currentPassword, String newPassword) {

    /** Never the passwords. */
    @Override
    public String toString() {
        return "PasswordChange[currentPassword=***, newPassword=***]";
    }
}
