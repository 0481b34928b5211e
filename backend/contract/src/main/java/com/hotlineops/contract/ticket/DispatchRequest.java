package com.hotlineops.contract.ticket;

import java.util.UUID;

/**
 * Direct dispatch (市级直派乡镇, DESIGN.md §2.2): to a township/street or department, optionally offered to the
 * workers of one of its grids.
 */
public record DispatchRequest(UUID unitId, UUID gridId, String note) {
}
