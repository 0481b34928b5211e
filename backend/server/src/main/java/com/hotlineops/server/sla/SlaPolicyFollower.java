package com.hotlineops.server.sla;

import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.sla.SlaPolicy;
import com.hotlineops.server.support.TableFollower;
import org.springframework.stereotype.Component;

/** Keeps this instance's SLA policies equal to the table: another instance's edit arrives as an SLA_POLICY event. */
@Component
class SlaPolicyFollower extends TableFollower {

    SlaPolicyFollower(EventStream stream, SlaPolicy policy) {
        super("SLA policy", stream, Topic.SLA_POLICY, policy::reload);
    }
}
