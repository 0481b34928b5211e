package com.hotlineops.contract.ticket;

/** Who raised the matter. Both fields are optional (anonymous web messages have neither). */
public record Citizen(String name, String phone) {
}
