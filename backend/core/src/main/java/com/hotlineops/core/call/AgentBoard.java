package com.hotlineops.core.call;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.AgentState;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Agents by their last reported state, by event time (a late, older report does not overwrite a newer one). */
public final class AgentBoard {

    private final Map<String, Entry> agents = new HashMap<>();

    public void apply(CtiEvent e) {
        if (e.type() != CtiEventType.AGENT_STATE) {
            return;
        }
        agents.merge(e.agentId(), new Entry(e.occurredAt(), e.agentState()),
                (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
    }

    public AgentCounts counts() {
        long[] n = new long[AgentState.values().length];
        agents.values().forEach(a -> n[a.state().ordinal()]++);
        return new AgentCounts(n[AgentState.AVAILABLE.ordinal()], n[AgentState.ON_CALL.ordinal()],
                n[AgentState.WRAP_UP.ordinal()], n[AgentState.BREAK.ordinal()], n[AgentState.OFFLINE.ordinal()]);
    }

    private record Entry(Instant at, AgentState state) {
    }
}
