package com.hotlineops.contract.ticket;

import java.util.UUID;

/** {@code POST /api/v1/tickets/{id}/merge}: merge this duplicate into an open parent ticket (并单). */
public record MergeRequest(UUID parentId, String reason) {
}
