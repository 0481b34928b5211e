package com.hotlineops.contract.call;

/** The hotline's queues: the general 12345 line and the enterprise line (政企通, "press 2"). */
public enum CallQueue {
    GENERAL,
    ENTERPRISE
}
