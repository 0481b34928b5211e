package com.hotlineops.mobile.web;

import org.springframework.http.ProblemDetail;

/** Builds the problem details of {@link ProblemCode}s. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setProperty("code", code.code());
        return problem;
    }
}
