package com.hotlineops.core.useradmin;

/** The current password given to a password change is not the account's; nothing was changed (decision 0036). */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super("The current password is wrong");
    }
}
