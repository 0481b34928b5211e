package com.hotlineops.contract.sla;

import java.util.Objects;

/**
 * The policy as it now is, whether the request changed it (repeating a PUT changes nothing) and how many open tickets
 * had a deadline moved by the change.
 */
public record SlaPolicyEditResult(SlaPolicyView policy, boolean changed, int ticketsMoved) {

    public SlaPolicyEditResult {
        Objects.requireNonNull(policy, "policy");
    }
}
