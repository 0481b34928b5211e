package com.hotlineops.server.auth;

import com.hotlineops.core.security.TooManyLoginsException;
import com.hotlineops.core.useradmin.InvalidUserException;
import com.hotlineops.core.useradmin.TooManyPasswordAttemptsException;
import com.hotlineops.core.useradmin.WrongPasswordException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The password change's refusals (decision 0036) and the login throttle's (decision 0037) as RFC 9457 problem details
 * with the types the mobile API uses too; each means nothing was changed.
 */
@RestControllerAdvice(basePackageClasses = PasswordProblems.class)
class PasswordProblems {

    private static URI type(String code) {
        return URI.create("urn:hotline-ops:problem:" + code);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidUserException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(type("invalid-password"));
        p.setTitle("Invalid password");
        return p;
    }

    /** 400, not 401 or 403: the caller is signed in and allowed; the password they typed is wrong. */
    @ExceptionHandler
    ProblemDetail wrong(WrongPasswordException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(type("wrong-password"));
        p.setTitle("Wrong current password");
        return p;
    }

    /** Login throttling (decision 0037): the password was not checked. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyLogins(TooManyLoginsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        p.setType(type(TooManyLoginsException.CODE));
        p.setTitle(TooManyLoginsException.TITLE);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyPasswordAttemptsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        p.setType(type("too-many-attempts"));
        p.setTitle("Too many wrong passwords");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(p);
    }
}
