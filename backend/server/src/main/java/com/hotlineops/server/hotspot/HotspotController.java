package com.hotlineops.server.hotspot;

import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.core.hotspot.HotspotService;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.server.report.Ranges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/hotspots?from=&to=} for supervisors, directors, the wall and admins (DESIGN.md §2.8). */
@RestController
@RequestMapping("/api/v1/hotspots")
@Tag(name = "Hotspots", description = "数据参谋: counts by category × area × hour, spikes against the previous 4 weeks")
class HotspotController {

    private final HotspotService hotspots;
    private final ZoneId zone;

    HotspotController(HotspotService hotspots, HotlineProperties properties) {
        this.hotspots = hotspots;
        this.zone = properties.zone();
    }

    @GetMapping
    @Operation(summary = "Every non-empty hour × category × area of [from, to) (at most 31 days) with its spike "
            + "verdict; the answer names the method and threshold")
    Mono<Hotspots> hotspots(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Ranges.Range range = Ranges.parse(from, to, zone);
            return hotspots.hotspots(range.from(), range.to());
        });
    }
}
