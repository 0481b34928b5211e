package com.hotlineops.server.wall;

import com.hotlineops.contract.category.Category;
import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.contract.hotspot.SpikeMethod;
import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.core.category.CategoryTree;
import com.hotlineops.core.hotspot.HotspotService;
import com.hotlineops.server.support.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the wall's {@link HotspotBoard} beside {@link LiveState} (decision 0027): every
 * {@code hotline.wall.hotspots-refresh} (default 60 s) it asks {@link HotspotService} — the very computation behind
 * {@code GET /api/v1/hotspots} (DESIGN.md §2.8, decision 0019) — for the last {@value #HOURS} hours and keeps a
 * summary the size of a wall panel. Cells are whole hours judged against the same hour of the previous weeks, so a
 * minute's delay changes nothing a supervisor acts on, while the query reads five weeks of tickets: a slow timer, not
 * every event.
 */
@Component
class HotspotFeed extends PeriodicJob {

    /** The range: the current hour and the 23 before it, so midnight never empties the panel. */
    static final int HOURS = 24;
    /** Rows a wall can show; the 1080p layout shows fewer (the panel's CSS). */
    static final int MAX_ROWS = 8;

    private final HotspotService hotspots;
    private final CategoryTree categories;
    private final Clock clock;
    private final AtomicReference<HotspotBoard> latest = new AtomicReference<>(HotspotBoard.EMPTY);

    HotspotFeed(HotspotService hotspots, CategoryTree categories, Clock clock,
            @Value("${hotline.wall.hotspots-refresh:60s}") Duration refresh) {
        super("Hotspot refresh (the wall keeps the last hotspots)", Duration.ZERO, refresh);
        this.hotspots = hotspots;
        this.categories = categories;
        this.clock = clock;
    }

    /** The last computed hotspots; {@link HotspotBoard#EMPTY} until the first computation. */
    HotspotBoard latest() {
        return latest.get();
    }

    /** Keeps the newest computation: one that started earlier and ended later never replaces it. */
    @Override
    protected Mono<HotspotBoard> runOnce() {
        return compute(clock.instant()).doOnNext(b -> latest.accumulateAndGet(b,
                (kept, computed) -> kept.to() != null && !computed.to().isAfter(kept.to()) ? kept : computed));
    }

    /** The hotspots of the {@value #HOURS} hours up to {@code now}: from the start of the hour 23 hours back. */
    Mono<HotspotBoard> compute(Instant now) {
        return hotspots.hotspots(from(now), now).map(h -> summarise(h, categories));
    }

    static Instant from(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
    }

    /**
     * The wall's summary of one hotspots answer: each spiking category × area once, at its most recent spike hour
     * (a matter that keeps spiking would otherwise fill the panel with one row per hour), the most recent first and
     * then the larger count; and the categories with most tickets over the range.
     */
    static HotspotBoard summarise(Hotspots answer, CategoryTree tree) {
        Map<Area, List<HotspotCell>> byArea = new LinkedHashMap<>();
        for (HotspotCell cell : answer.spikes()) {
            byArea.computeIfAbsent(new Area(cell.categoryCode(), cell.unitId()), a -> new ArrayList<>()).add(cell);
        }
        List<HotspotBoard.Spike> spikes = byArea.values().stream()
                .map(cells -> {
                    HotspotCell last = cells.stream().max(Comparator.comparing(HotspotCell::bucketStart)).orElseThrow();
                    Optional<Category> category = tree.find(last.categoryCode());
                    return new HotspotBoard.Spike(last.categoryCode(), category.map(Category::name).orElse(null),
                            category.map(Category::nameEn).orElse(null), last.unitId(), last.unitName(),
                            last.bucketStart(), last.count(), last.baselineMean(), last.pValue(), cells.size());
                })
                .sorted(Comparator.comparing(HotspotBoard.Spike::hour).reversed()
                        .thenComparing(Comparator.comparingLong(HotspotBoard.Spike::count).reversed())
                        .thenComparing(s -> Objects.toString(s.categoryCode(), ""))
                        .thenComparing(s -> Objects.toString(s.unitId(), "")))
                .limit(MAX_ROWS)
                .toList();

        Map<String, Long> perCategory = new HashMap<>();
        long tickets = 0;
        for (HotspotCell cell : answer.cells()) {
            perCategory.merge(Objects.toString(cell.categoryCode(), ""), cell.count(), Long::sum);
            tickets += cell.count();
        }
        List<HotspotBoard.CategoryCount> top = perCategory.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(MAX_ROWS)
                .map(e -> {
                    String code = e.getKey().isEmpty() ? null : e.getKey();
                    Optional<Category> category = tree.find(code);
                    return new HotspotBoard.CategoryCount(code, category.map(Category::name).orElse(null),
                            category.map(Category::nameEn).orElse(null), e.getValue());
                })
                .toList();

        SpikeMethod m = answer.method();
        return new HotspotBoard(answer.from(), answer.to(),
                new HotspotBoard.Rule(m.name(), m.weeks(), m.alpha(), m.minCount(), m.minBaselineMean()),
                tickets, answer.spikes().size(), spikes, byArea.size(), top);
    }

    private record Area(String categoryCode, UUID unitId) {
    }
}
