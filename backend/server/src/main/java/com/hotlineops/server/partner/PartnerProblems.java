package com.hotlineops.server.partner;

import com.hotlineops.core.partner.ChannelNotAllowedException;
import com.hotlineops.core.partner.DeliveryNotFoundException;
import com.hotlineops.core.partner.DeliveryNotReplayableException;
import com.hotlineops.core.partner.ExternalIdTakenException;
import com.hotlineops.core.partner.InvalidPartnerException;
import com.hotlineops.core.partner.PartnerNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The partner feature's errors as RFC 9457 problem details; each means nothing was changed. */
@RestControllerAdvice(basePackageClasses = PartnerProblems.class)
class PartnerProblems {

    @ExceptionHandler
    ProblemDetail channelNotAllowed(ChannelNotAllowedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Channel not allowed for this partner");
        return p;
    }

    @ExceptionHandler
    ProblemDetail externalIdTaken(ExternalIdTakenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidPartnerException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(PartnerNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail deliveryNotFound(DeliveryNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notReplayable(DeliveryNotReplayableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Delivery already delivered");
        return p;
    }
}
