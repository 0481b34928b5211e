package com.hotlineops.server.useradmin;

import com.hotlineops.core.useradmin.InvalidUserException;
import com.hotlineops.core.useradmin.LockoutRefusedException;
import com.hotlineops.core.useradmin.UserNotFoundException;
import com.hotlineops.core.useradmin.UsernameTakenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** User administration's errors as RFC 9457 problem details; each means nothing was changed. */
@RestControllerAdvice(basePackageClasses = UserAdminProblems.class)
class UserAdminProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidUserException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid account");
        return p;
    }

    @ExceptionHandler
    ProblemDetail notFound(UserNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail taken(UsernameTakenException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Username taken");
        return p;
    }

    @ExceptionHandler
    ProblemDetail lockout(LockoutRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Administrators cannot lock themselves out");
        return p;
    }
}
