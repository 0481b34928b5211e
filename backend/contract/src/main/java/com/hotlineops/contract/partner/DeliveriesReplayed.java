package com.hotlineops.contract.partner;

/** The answer to replaying every FAILED callback of a partner: how many were requeued (0 when none had failed). */
public record DeliveriesReplayed(int replayed) {
}
