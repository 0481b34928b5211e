package com.hotlineops.contract.hotspot;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/hotspots?from=&to=}: every non-empty hour × category × area cell of {@code [from, to)} and the
 * spikes among them, with the method that decided them.
 *
 * @param spikes the cells judged spikes, largest count first
 */
public record Hotspots(Instant from, Instant to, String bucket, SpikeMethod method, List<HotspotCell> cells,
        List<HotspotCell> spikes) {

    public Hotspots {
        cells = List.copyOf(cells);
        spikes = List.copyOf(spikes);
    }
}
