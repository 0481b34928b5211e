package com.hotlineops.core.support;

import com.hotlineops.contract.audit.FieldChange;
import io.r2dbc.postgresql.codec.Json;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code changes} column of the administration histories ({@code user_admin_event}, decision 0032;
 * {@code partner_admin_event}, decision 0038): each field that changed, with its value before and after, as jsonb.
 */
public final class FieldChanges {

    private static final TypeReference<Map<String, FieldChange>> CHANGES = new TypeReference<>() { };

    private FieldChanges() {
    }

    /** Records the field when its value changed; a field whose value stayed the same is left out. */
    public static void put(Map<String, FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new FieldChange(before, after));
        }
    }

    /** The changes as a jsonb value to bind. */
    public static Json json(JsonMapper mapper, Map<String, FieldChange> changes) {
        return Json.of(mapper.writeValueAsString(changes));
    }

    /** The changes as stored ({@code changes::text}). */
    public static Map<String, FieldChange> read(JsonMapper mapper, String json) {
        return mapper.readValue(json, CHANGES);
    }
}
