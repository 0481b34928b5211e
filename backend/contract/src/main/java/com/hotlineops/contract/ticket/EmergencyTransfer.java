package com.hotlineops.contract.ticket;

/**
 * {@code POST /api/v1/tickets/{id}/emergency}: the matter is an emergency and was sent to {@code number}
 * (110, 119, 120 or 122); it is not a ticket any more (DESIGN.md §2.1).
 */
public record EmergencyTransfer(String number, String reason) {
}
