package com.hotlineops.server.cti;

import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a CTI body, a JSON array or NDJSON, into events, one line at a time: a malformed line becomes a
 * rejection with its reason and does not spoil its neighbours.
 */
final class CtiBatchParser {

    private final JsonMapper json;
    private final ObjectReader events;

    CtiBatchParser(JsonMapper json) {
        this.json = json;
        this.events = json.readerFor(CtiEvent.class);
    }

    record Parsed(List<Line> lines, List<Rejection> rejections) {
    }

    /** A parsed event and its 1-based position in the batch. */
    record Line(int number, CtiEvent event) {
    }

    /**
     * Parses the body as sent, without decoding it to a string first: NDJSON lines end at {@code \n}, {@code \r\n}
     * or a lone {@code \r} (a line break inside a JSON string is always escaped, so no line is cut in two), and each
     * is bound from its UTF-8 bytes by one reader made once. A body whose first non-blank character is {@code [} is a
     * JSON array instead.
     */
    Parsed parse(byte[] body) {
        int start = 0;
        int end = body == null ? 0 : body.length;
        while (start < end && isBlank(body[start])) {
            start++;
        }
        while (end > start && isBlank(body[end - 1])) {
            end--;
        }
        if (start == end) {
            throw new IllegalArgumentException("The body is empty: send a JSON array or NDJSON of CTI events");
        }
        List<Line> lines = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (body[start] == '[') {
            JsonNode root;
            try {
                root = json.readTree(new ByteArrayInputStream(body, start, end - start));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("The body is not a valid JSON array: " + e.getOriginalMessage());
            }
            for (int i = 0; i < root.size(); i++) {
                read(root.get(i), i + 1, lines, rejections);
            }
            return new Parsed(lines, rejections);
        }
        int number = 0;
        int from = start;
        while (from <= end) {
            int to = from;
            while (to < end && body[to] != '\n' && body[to] != '\r') {
                to++;
            }
            number++;
            line(body, from, to, number, lines, rejections);
            // \r\n is one line break
            from = to + (to + 1 < end && body[to] == '\r' && body[to + 1] == '\n' ? 2 : 1);
        }
        return new Parsed(lines, rejections);
    }

    private void line(byte[] body, int from, int to, int number, List<Line> lines, List<Rejection> rejections) {
        int a = from;
        int b = to;
        while (a < b && isBlank(body[a])) {
            a++;
        }
        while (b > a && isBlank(body[b - 1])) {
            b--;
        }
        if (a == b) {
            return;
        }
        try {
            // The usual line binds straight to the record; the tree is built only to explain a bad one.
            CtiEvent event = events.readValue(body, a, b - a);
            if (event == null) {
                throw new IllegalArgumentException("not an object");
            }
            lines.add(new Line(number, event));
        } catch (JacksonException | IllegalArgumentException direct) {
            try {
                read(json.readTree(new ByteArrayInputStream(body, a, b - a)), number, lines, rejections);
            } catch (JacksonException e) {
                rejections.add(new Rejection(number, null, "not valid JSON: " + e.getOriginalMessage()));
            }
        }
    }

    /** Whitespace between and around lines: space, tab, and the line breaks themselves. */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
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
