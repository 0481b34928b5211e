package com.hotlineops.core.open311;

import java.time.Instant;
import java.util.List;

/**
 * A GeoReport v2 search, already checked: a non-empty {@code ids} list overrides everything else; otherwise requests
 * made in {@code [from, to]} (at most {@link Open311Requests#MAX_WINDOW}) with one of {@code serviceCodes} (all when
 * empty) and one of {@code statuses} ("open", "closed"; all when empty), newest first, at most {@code limit}.
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Instant from, Instant to,
        List<String> statuses, int limit) {

    public RequestQuery {
        ids = List.copyOf(ids);
        serviceCodes = List.copyOf(serviceCodes);
        statuses = List.copyOf(statuses);
    }
}
