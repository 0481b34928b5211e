package com.hotlineops.core.open311;

/**
 * A service a request can be filed under: a leaf of the category tree. {@code attributesJson} is the Open311 service
 * definition's attribute list (JSON array, possibly empty).
 */
public record ServiceType(String code, String name, String description, String keywords, String group,
        String attributesJson) {

    /** Whether a client must fetch the service definition for extra fields. */
    public boolean metadata() {
        return attributesJson != null && !attributesJson.isBlank() && !"[]".equals(attributesJson.strip());
    }
}
