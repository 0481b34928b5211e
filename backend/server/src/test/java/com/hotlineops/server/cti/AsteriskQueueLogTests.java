package com.hotlineops.server.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsteriskQueueLogTests {

    private final AsteriskQueueLog log = new AsteriskQueueLog(Set.of("press2"));

    private static List<CtiEvent> events(AsteriskQueueLog.Parsed parsed) {
        return parsed.events().stream().map(CtiBatchParser.Line::event).toList();
    }

    @Test
    void answeredCallThenOfferedWithCallerAnsweredByAgentEndedAndAgentOnCallThenAvailable() {
        AsteriskQueueLog.Parsed parsed = log.parse("""
                1717293600|1717293590.12|support|NONE|ENTERQUEUE||13800138000|1
                1717293612|1717293590.12|support|PJSIP/1001|CONNECT|12|1717293612.13|3
                1717293700|1717293590.12|support|PJSIP/1001|COMPLETECALLER|12|88|1
                """);

        List<CtiEvent> events = events(parsed);
        assertThat(events).extracting(CtiEvent::type).containsExactly(CtiEventType.CALL_OFFERED,
                CtiEventType.CALL_ANSWERED, CtiEventType.AGENT_STATE, CtiEventType.CALL_ENDED,
                CtiEventType.AGENT_STATE);
        assertThat(events.getFirst().callerNumber()).isEqualTo("13800138000");
        assertThat(events.getFirst().occurredAt()).isEqualTo(Instant.ofEpochSecond(1717293600));
        assertThat(events.get(1).agentId()).isEqualTo("PJSIP/1001");
        assertThat(events.get(2).agentState()).isEqualTo(AgentState.ON_CALL);
        assertThat(events.get(4).agentState()).isEqualTo(AgentState.AVAILABLE);
        assertThat(events).filteredOn(e -> e.type().isCallEvent())
                .allSatisfy(e -> assertThat(e.queue()).isEqualTo(CallQueue.GENERAL));
        assertThat(parsed.rejections()).isEmpty();
    }

    @Test
    void abandonAndTimeoutThenCallAbandonedAndEnterpriseQueueByName() {
        List<CtiEvent> events = events(log.parse("""
                1717293600|a.1|Press2|NONE|ENTERQUEUE||anonymous|1
                1717293630|a.1|Press2|NONE|ABANDON|1|1|30
                1717293700|b.1|support|NONE|EXITWITHTIMEOUT|1|1|300
                """));

        assertThat(events).extracting(CtiEvent::type).containsExactly(CtiEventType.CALL_OFFERED,
                CtiEventType.CALL_ABANDONED, CtiEventType.CALL_ABANDONED);
        assertThat(events.getFirst().callerNumber()).isNull();
        assertThat(events.get(0).queue()).isEqualTo(CallQueue.ENTERPRISE);
        assertThat(events.get(2).queue()).isEqualTo(CallQueue.GENERAL);
    }

    @Test
    void agentLinesThenStatesAndOtherEventsIgnored() {
        AsteriskQueueLog.Parsed parsed = log.parse("""
                1717290000|NONE|support|PJSIP/1002|ADDMEMBER|
                1717290100|NONE|support|PJSIP/1002|PAUSE|lunch
                1717290200|NONE|support|PJSIP/1002|UNPAUSE|
                1717290300|NONE|support|PJSIP/1002|REMOVEMEMBER|
                1717290400|c.1|support|PJSIP/1002|RINGNOANSWER|15000
                1717290400|NONE|NONE|NONE|QUEUESTART|
                """);

        assertThat(events(parsed)).extracting(CtiEvent::agentState).containsExactly(AgentState.AVAILABLE,
                AgentState.BREAK, AgentState.AVAILABLE, AgentState.OFFLINE);
        assertThat(parsed.ignored()).isEqualTo(2);
        assertThat(parsed.lines()).isEqualTo(6);
    }

    @Test
    void sameLinesTwiceThenSameEventIdsAndDifferentLinesDifferentIds() {
        String text = "1717293600|x.1|support|NONE|ENTERQUEUE||13800138000|1\n"
                + "1717293610|x.1|support|NONE|ABANDON|1|1|10\n";

        List<String> first = events(log.parse(text)).stream().map(CtiEvent::eventId).toList();
        List<String> again = events(log.parse(text)).stream().map(CtiEvent::eventId).toList();

        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void unreadableLinesThenRejectedWithTheirLineNumbers() {
        AsteriskQueueLog.Parsed parsed = log.parse("""
                not a queue log line
                soon|x.1|support|NONE|ENTERQUEUE||1|1
                1717290100|NONE|support|NONE|PAUSE|
                1717293600|x.1|support|NONE|ENTERQUEUE||13800138000|1
                """);

        assertThat(parsed.rejections()).extracting(r -> r.line()).containsExactly(1, 2, 3);
        assertThat(parsed.events()).hasSize(1);
        assertThat(parsed.events().getFirst().number()).isEqualTo(4);
    }
}
