package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.contract.call.CtiIngestResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a CTI body is cut into events: lines, line numbers, and bad lines that spoil nothing around them. */
class CtiBatchParserTests {

    private final CtiBatchParser parser = new CtiBatchParser(JsonMapper.builder().build());

    private static String event(String id) {
        return """
                {"eventId":"%s","type":"CALL_OFFERED","callId":"c-%s","queue":"GENERAL",\
                "occurredAt":"2026-11-27T01:02:03.456789Z","callerNumber":"13900000000"}""".formatted(id, id);
    }

    private CtiBatchParser.Parsed parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ndjsonLinesAreEventsNumberedByLineWhateverTheLineBreaks() {
        CtiBatchParser.Parsed parsed = parse(event("a") + "\n" + event("b") + "\r\n" + event("c") + "\r" + event("d"));

        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.lines()).extracting(CtiBatchParser.Line::number).containsExactly(1, 2, 3, 4);
        assertThat(parsed.lines()).extracting(l -> l.event().eventId()).containsExactly("a", "b", "c", "d");
        CtiEvent first = parsed.lines().getFirst().event();
        assertThat(first).isEqualTo(new CtiEvent("a", CtiEventType.CALL_OFFERED, "c-a", CallQueue.GENERAL,
                Instant.parse("2026-11-27T01:02:03.456789Z"), "13900000000", null, null));
    }

    @Test
    void blankLinesAndSurroundingWhitespaceAreSkippedButStillCounted() {
        CtiBatchParser.Parsed parsed = parse("\n  \n" + event("a") + "\n\n \t\n  " + event("b") + "  \n\n");

        assertThat(parsed.rejections()).isEmpty();
        // Leading blank lines are not part of the body; inner blank lines keep their numbers.
        assertThat(parsed.lines()).extracting(CtiBatchParser.Line::number).containsExactly(1, 4);
    }

    @Test
    void aBadLineIsRejectedWithItsNumberAndReasonAndItsNeighboursStand() {
        CtiBatchParser.Parsed parsed = parse(String.join("\n", event("a"), "{\"eventId\": \"x\", broken", "[1, 2]",
                "{\"eventId\":\"y\",\"type\":\"NOT_A_TYPE\"}", "null", event("b")));

        assertThat(parsed.lines()).extracting(l -> l.event().eventId()).containsExactly("a", "b");
        assertThat(parsed.lines()).extracting(CtiBatchParser.Line::number).containsExactly(1, 6);
        assertThat(parsed.rejections()).extracting(Rejection::line).containsExactly(2, 3, 4, 5);
        assertThat(parsed.rejections().get(0).reason()).startsWith("not valid JSON");
        assertThat(parsed.rejections().get(1).reason()).isEqualTo("each event must be a JSON object");
        assertThat(parsed.rejections().get(2).eventId()).isEqualTo("y");
        assertThat(parsed.rejections().get(2).reason()).contains("NOT_A_TYPE");
        assertThat(parsed.rejections().get(3).reason()).isEqualTo("each event must be a JSON object");
    }

    @Test
    void textIsReadAsUtf8AndASeparatorCharacterInsideAStringDoesNotCutTheLine() {
        // U+2028 may stand unescaped inside a JSON string; it is not a line break of NDJSON.
        String agent = "座席\u2028一号";
        String line = """
                {"eventId":"s","type":"AGENT_STATE","agentId":"%s","agentState":"AVAILABLE",\
                "occurredAt":"2026-11-27T01:02:03Z"}""".formatted(agent);

        CtiBatchParser.Parsed parsed = parse(line + "\n" + event("a"));

        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.lines()).extracting(l -> l.event().agentId()).containsExactly(agent, null);
        assertThat(parsed.lines()).extracting(CtiBatchParser.Line::number).containsExactly(1, 2);
    }

    @Test
    void aJsonArrayIsReadElementByElement() {
        CtiBatchParser.Parsed parsed = parse(" \n[" + event("a") + ", 42, " + event("b") + "]\n");

        assertThat(parsed.lines()).extracting(l -> l.event().eventId()).containsExactly("a", "b");
        assertThat(parsed.lines()).extracting(CtiBatchParser.Line::number).containsExactly(1, 3);
        assertThat(parsed.rejections()).extracting(Rejection::line).containsExactly(2);
    }

    @Test
    void anEmptyBodyOrABrokenArrayIsRefusedAsAWhole() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(" \r\n\t ")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> parser.parse(new byte[0]))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("[" + event("a") + ","))
                .withMessageContaining("not a valid JSON array");
    }
}
