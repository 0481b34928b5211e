package com.hotlineops.mobile.web;

import com.hotlineops.core.security.PasswordChangeRequired;
import com.hotlineops.core.security.TooManyLoginsException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The errors a phone can get, the same on REST (problem {@code type} and {@code code}) and RSocket (message
 * prefix).
 */
public enum ProblemCode {
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Ticket not found"),
    TAKEN("taken", HttpStatus.CONFLICT, "Ticket taken"),
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT, "Not allowed in the ticket's current state"),
    INVALID_COMMAND("invalid-command", HttpStatus.BAD_REQUEST, "Invalid command"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    PHOTO_TOO_LARGE("photo-too-large", HttpStatus.CONTENT_TOO_LARGE, "Photo too large"),
    NOT_AN_IMAGE("not-an-image", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a JPEG, PNG, WebP or HEIC image"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    /** The token requires the password change first (decision 0036); the backend answers the same type. */
    PASSWORD_CHANGE_REQUIRED(PasswordChangeRequired.CODE, HttpStatus.FORBIDDEN, PasswordChangeRequired.TITLE),
    WRONG_PASSWORD("wrong-password", HttpStatus.BAD_REQUEST, "Wrong current password"),
    INVALID_PASSWORD("invalid-password", HttpStatus.BAD_REQUEST, "Invalid password"),
    TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords"),
    /** Login throttled (decision 0037); the backend answers the same type. */
    TOO_MANY_LOGINS(TooManyLoginsException.CODE, HttpStatus.TOO_MANY_REQUESTS, TooManyLoginsException.TITLE),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ProblemCode(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create("urn:hotline-ops:problem:" + code);
    }

    /** Enum names in a stable order, for messages and problem properties. */
    public static List<String> sorted(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
