package com.hotlineops.core.call;

import com.hotlineops.contract.call.CtiEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Told of newly stored CTI events inside the transaction that stores them, so what it derives (callback tasks) commits
 * with the events or not at all.
 */
public interface StoredCallEventsListener {

    Mono<Void> stored(List<CtiEvent> fresh);
}
