package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a CTI body, a JSON array or NDJSON, into events, one line at a time: a malformed line becomes a
 * rejection with its reason and does not spoil its neighbours.
 */
final class CtiBatchParser {

    private final JsonMapper json;

    CtiBatchParser(JsonMapper json) {
        this.json = json;
    }

    record Parsed(List<Line> lines, List<Rejection> rejections) {
    }

    /** A parsed event and its 1-based position in the batch. */
    record Line(int number, CtiEvent event) {
    }

    Parsed parse(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The body is empty: send a JSON array or NDJSON of CTI events");
        }
        List<Line> lines = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            JsonNode root;
            try {
                root = json.readTree(trimmed);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("The body is not a valid JSON array: " + e.getOriginalMessage());
            }
            for (int i = 0; i < root.size(); i++) {
                read(root.get(i), i + 1, lines, rejections);
            }
        } else {
            String[] raw = trimmed.split("\\R");
            for (int i = 0; i < raw.length; i++) {
                if (raw[i].isBlank()) {
                    continue;
                }
                try {
                    // The usual line binds straight to the record; the tree is built only to explain a bad one.
                    CtiEvent event = json.readValue(raw[i], CtiEvent.class);
                    if (event == null) {
                        throw new IllegalArgumentException("not an object");
                    }
                    lines.add(new Line(i + 1, event));
                } catch (JacksonException | IllegalArgumentException direct) {
                    try {
                        read(json.readTree(raw[i]), i + 1, lines, rejections);
                    } catch (JacksonException e) {
                        rejections.add(new Rejection(i + 1, null, "not valid JSON: " + e.getOriginalMessage()));
                    }
                }
            }
        }
        return new Parsed(lines, rejections);
    }

    private void read(JsonNode node, int number, List<Line> lines, List<Rejection> rejections) {
        String eventId = node != null && node.hasNonNull("eventId") ? node.get("eventId").asString() : null;
        if (node == null || !node.isObject()) {
            rejections.add(new Rejection(number, null, "each event must be a JSON object"));
            return;
        }
        try {
            lines.add(new Line(number, json.treeToValue(node, CtiEvent.class)));
        } catch (JacksonException e) {
            rejections.add(new Rejection(number, eventId, "unreadable field: " + e.getOriginalMessage()));
        }
    }
}
