package com.hotlineops.server.cti;

import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps Asterisk {@code queue_log} lines ({@code epoch|callid|queue|agent|EVENT|data…}) onto the CTI events of
 * DESIGN.md §2.4 (docs/decisions/0013):
 *
 * <ul>
 * <li>{@code ENTERQUEUE} (data2 = caller id) → {@code CALL_OFFERED} with the caller number when it is 3–20 digits;</li>
 * <li>{@code CONNECT} → {@code CALL_ANSWERED} by the agent, and the agent {@code ON_CALL};</li>
 * <li>{@code ABANDON}, {@code EXITWITHTIMEOUT} → {@code CALL_ABANDONED} (the caller did not reach a person);</li>
 * <li>{@code COMPLETEAGENT}, {@code COMPLETECALLER} → {@code CALL_ENDED}, and the agent {@code AVAILABLE};</li>
 * <li>{@code PAUSE} → agent {@code BREAK}, {@code UNPAUSE} and {@code ADDMEMBER} → {@code AVAILABLE},
 * {@code REMOVEMEMBER} → {@code OFFLINE};</li>
 * <li>any other event is ignored; a line that cannot be read is rejected with its reason.</li>
 * </ul>
 *
 * Event ids are a hash of the line (plus what the event is), so uploading the same log again stores nothing twice.
 * Queues named in {@code enterpriseQueues} (case-insensitive) are {@code ENTERPRISE}, the rest {@code GENERAL}.
 */
final class AsteriskQueueLog {

    record Parsed(int lines, int ignored, List<CtiBatchParser.Line> events, List<Rejection> rejections) {
    }

    private final Set<String> enterpriseQueues;

    AsteriskQueueLog(Set<String> enterpriseQueues) {
        this.enterpriseQueues = enterpriseQueues.stream().map(q -> q.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    Parsed parse(String body) {
        String[] raw = body == null ? new String[0] : body.split("\\R");
        List<CtiBatchParser.Line> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int lines = 0;
        int ignored = 0;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            String[] f = line.split("\\|", -1);
            if (f.length < 5) {
                rejections.add(new Rejection(i + 1, null, "expected epoch|callid|queue|agent|EVENT|data…"));
                continue;
            }
            Instant at;
            try {
                at = Instant.ofEpochSecond(Long.parseLong(f[0].strip()));
            } catch (NumberFormatException e) {
                rejections.add(new Rejection(i + 1, null, "the first field must be the epoch in seconds"));
                continue;
            }
            String callId = f[1].strip();
            CallQueue queue = enterpriseQueues.contains(f[2].strip().toLowerCase(Locale.ROOT)) ? CallQueue.ENTERPRISE
                    : CallQueue.GENERAL;
            String agent = f[3].strip().isEmpty() || f[3].strip().equalsIgnoreCase("NONE") ? null
                    : f[3].strip().replaceAll("[^\\p{Alnum}._:@/+-]", "_");
            String event = f[4].strip().toUpperCase(Locale.ROOT);
            String id = "ast-" + hash(line);
            int before = events.size();
            switch (event) {
                case "ENTERQUEUE" -> {
                    String caller = f.length > 6 && f[6].strip().matches("\\+?[0-9]{3,20}") ? f[6].strip() : null;
                    call(events, i, id, CtiEventType.CALL_OFFERED, callId, queue, at, caller, null);
                }
                case "CONNECT" -> {
                    call(events, i, id, CtiEventType.CALL_ANSWERED, callId, queue, at, null, agent);
                    agent(events, i, id, agent, AgentState.ON_CALL, at);
                }
                case "ABANDON", "EXITWITHTIMEOUT" ->
                        call(events, i, id, CtiEventType.CALL_ABANDONED, callId, queue, at, null, null);
                case "COMPLETEAGENT", "COMPLETECALLER" -> {
                    call(events, i, id, CtiEventType.CALL_ENDED, callId, queue, at, null, agent);
                    agent(events, i, id, agent, AgentState.AVAILABLE, at);
                }
                case "PAUSE" -> agent(events, i, id, agent, AgentState.BREAK, at);
                case "UNPAUSE", "ADDMEMBER" -> agent(events, i, id, agent, AgentState.AVAILABLE, at);
                case "REMOVEMEMBER" -> agent(events, i, id, agent, AgentState.OFFLINE, at);
                default -> ignored++;
            }
            if (events.size() == before && isAgentEvent(event)) {
                rejections.add(new Rejection(i + 1, null, event + " needs an agent"));
            }
        }
        return new Parsed(lines, ignored, events, rejections);
    }

    private static boolean isAgentEvent(String event) {
        return Set.of("PAUSE", "UNPAUSE", "ADDMEMBER", "REMOVEMEMBER").contains(event);
    }

    private static void call(List<CtiBatchParser.Line> out, int index, String id, CtiEventType type, String callId,
            CallQueue queue, Instant at, String caller, String agent) {
        out.add(new CtiBatchParser.Line(index + 1, CtiEvent.call(id + "-c", type, callId, queue, at, caller, agent)));
    }

    private static void agent(List<CtiBatchParser.Line> out, int index, String id, String agent, AgentState state,
            Instant at) {
        if (agent != null) {
            out.add(new CtiBatchParser.Line(index + 1, CtiEvent.agent(id + "-a", agent, state, at)));
        }
    }

    private static String hash(String line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
