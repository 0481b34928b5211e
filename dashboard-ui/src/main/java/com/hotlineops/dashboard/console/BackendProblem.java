package com.hotlineops.dashboard.console;

/**
 * The backend refused a console call (an RFC 9457 problem: illegal transition, not found, forbidden, bad input) or
 * could not be reached. {@link #getMessage()} is the problem's detail, meant for the person at the desk.
 */
public class BackendProblem extends RuntimeException {

    private final int status;

    public BackendProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** The HTTP status; 0 when the backend could not be reached. */
    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
