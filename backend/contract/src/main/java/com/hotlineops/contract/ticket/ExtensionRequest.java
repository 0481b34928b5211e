package com.hotlineops.contract.ticket;

/**
 * {@code POST /api/v1/tickets/{id}/extension}: 延期, asked before the finish deadline (DESIGN.md §2.2).
 *
 * @param days working days asked for, 1–30
 * @param reason required
 */
public record ExtensionRequest(Integer days, String reason) {
}
