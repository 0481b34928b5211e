package com.hotlineops.contract.user;

/**
 * {@code POST /api/v1/users/{id}/password}: the new password an administrator typed, under the rules of
 * {@link NewUser#initialPassword()}.
 */
public record PasswordReset(String newPassword) {

    /** Never the password. */
    @Override
    public String toString() {
        return "PasswordReset[newPassword=***]";
    }
}
