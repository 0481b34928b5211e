package com.hotlineops.core.useradmin;

/**
 * Creating an account under a username that exists. Creation is not answered with the existing account, so a repeated
 * creation cannot silently take over an account someone else set up.
 */
public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("The username " + username + " is taken");
    }
}
