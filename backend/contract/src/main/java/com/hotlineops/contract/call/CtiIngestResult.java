package com.hotlineops.contract.call;

import java.util.List;

/**
 * The answer to a CTI batch: how many events were stored, how many were already known (same {@code eventId}),
 * and each rejected line with its reason. Rejected lines change nothing; the good lines of the batch are kept.
 */
public record CtiIngestResult(int accepted, int duplicate, int rejected, List<Rejection> rejections) {

    public CtiIngestResult {
        rejections = List.copyOf(rejections);
    }

    /** A rejected line: its 1-based position in the batch, its event id if it had one, and why. */
    public record Rejection(int line, String eventId, String reason) {
    }
}
