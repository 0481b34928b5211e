package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
import com.hotlineops.contract.wall.HotspotBoard;
import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.TicketSummary;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.FakeWallBackend;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wall as a kiosk sees it, without a browser: the real application context, fed by a fake of our backend's
 * stream, and the view as Vaadin builds it.
 */
@SpringBootTest
@DirtiesContext
@ViewPackages(classes = WallView.class)
class WallViewTests extends SpringBrowserlessTest {

    private static final FakeWallBackend backend = FakeWallBackend.start();
    private static final HotspotBoard.Rule RULE = new HotspotBoard.Rule("POISSON_UPPER_TAIL", 4, 0.001, 5, 0.5);

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", backend::httpPort);
        registry.add("hotline.backend.rsocket-port", backend::rsocketPort);
        registry.add("hotline.backend.reconnect-first-backoff", () -> "100ms");
        registry.add("hotline.backend.reconnect-max-backoff", () -> "500ms");
        registry.add("hotline.wall.kiosk-token", () -> "kiosk-test");
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void wallWithoutKioskTokenThenShowsUnauthorised() {
        navigate("wall", WallView.class);

        assertThat($(Div.class).withId("wall-unauthorised").exists()).isTrue();
        assertThat($(H1.class).single().getText()).isEqualTo("未授权");
        assertThat($(Span.class).withId("wall-offered").exists()).as("no figures").isFalse();
    }

    @Test
    void wallWithWrongKioskTokenThenShowsUnauthorised() {
        openWall("guess");

        assertThat($(Div.class).withId("wall-unauthorised").exists()).isTrue();
        assertThat($(Span.class).withId("wall-offered").exists()).isFalse();
    }

    @Test
    void wallWithKioskTokenThenShowsLiveFiguresUnderChineseLabels() {
        openWall("kiosk-test");
        Instant now = Instant.now();
        CallFigures today = new CallFigures(1234, 1180, 0, 20, 0.9833, 0.9, 0.95, 0.0167, 8.5, 3, 42L,
                now.minusSeconds(42), now);
        backend.emit(new WallFrame(FrameKind.UPDATE, 99, now, today, Map.of(), new AgentCounts(12, 40, 5, 3, 60),
                new TicketSummary(321, Map.of()), CallPanel.empty(now), TicketBoard.EMPTY));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            roundTrip();
            assertThat(text("wall-offered")).isEqualTo("1,234");
        });
        assertThat(text("wall-answered")).isEqualTo("1,180");
        assertThat(text("wall-answer-rate")).isEqualTo("98.3%");
        assertThat(text("wall-in-queue")).isEqualTo("3");
        assertThat(text("wall-longest-wait")).matches("0:4[2-9]");
        assertThat($(Span.class).withId("wall-longest-wait").single().getElement().getAttribute("data-tick-base"))
                .matches("4[2-9]");
        assertThat(text("wall-tickets-open")).isEqualTo("321");
        assertThat(text("wall-agents-on-call")).isEqualTo("40");
        assertThat($(Div.class).withId("wall-agents").exists()).isTrue();
        assertThat(staleBannerShown()).isFalse();
        assertThat($(Span.class).withText("今日来电").exists()).isTrue();
        assertThat($(Span.class).withText("接通率").exists()).isTrue();
    }

    @Test
    void frameWithTicketBoardThenDeadlinesCountDownUnitsClearToZeroDirectorsAndEnterpriseShown() {
        openWall("kiosk-test");
        Instant now = Instant.now();
        TicketBoard board = new TicketBoard(Map.of(SlaState.AT_RISK, 1L, SlaState.OVERDUE, 4L), 2,
                List.of(new TicketBoard.UnitCount(UUID.randomUUID(), "城关街道", 4)),
                List.of(new TicketBoard.Deadline(UUID.randomUUID(), "20261126000042", "东湖镇",
                                now.plusSeconds(3600), now.minusSeconds(10)),
                        new TicketBoard.Deadline(UUID.randomUUID(), "20261126000007", "城关街道",
                                now.plusSeconds(600), now.plusSeconds(300))),
                new TicketBoard.ClearToZero("2026-11", 10, 4, 6),
                List.of(new TicketBoard.DirectorOnShift("张主任", "市场监管局", "A1", now.plusSeconds(3600))));
        CallFigures enterprise = new CallFigures(321, 300, 0, 10, 300 / 310.0, 0.9, 0.85, 10 / 310.0, 7.0, 1, 20L,
                now.minusSeconds(20), now);
        backend.emit(new WallFrame(FrameKind.UPDATE, 100, now, CallFigures.empty(now),
                Map.of(CallQueue.ENTERPRISE, enterprise), AgentCounts.NONE, new TicketSummary(50, Map.of()),
                CallPanel.empty(now), board));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            roundTrip();
            assertThat(hidden("wall-deadline-0")).isFalse();
            assertThat(text("wall-ent-offered")).isEqualTo("321");
        });
        Div first = $(Div.class).withId("wall-deadline-0").single();
        assertThat(first.getElement().getAttribute("data-sla")).isEqualTo("ON_TRACK");
        assertThat($(Span.class).withClassName("wall-deadline-number").all()).as("nearest first").first()
                .satisfies(n -> assertThat(n.getText()).isEqualTo("20261126000007"));
        Span countdown = $(Span.class).withClassName("wall-countdown").all().getFirst();
        assertThat(countdown.getText()).matches("(9:[0-5]\\d|10:00)");
        assertThat(countdown.getElement().getAttribute("data-countdown-base")).matches("(59\\d|600)");
        assertThat(countdown.getElement().getAttribute("data-risk-base")).matches("(29\\d|300)");
        assertThat($(Div.class).withId("wall-deadline-1").single().getElement().getAttribute("data-sla"))
                .isEqualTo("AT_RISK");
        assertThat(hidden("wall-deadline-2")).as("only two deadlines").isTrue();
        assertThat(hidden("wall-overdue-unit-0")).isFalse();
        assertThat(hidden("wall-overdue-unit-1")).isTrue();
        assertThat(text("wall-ctz-open")).isEqualTo("6");
        assertThat(text("wall-ctz-percent")).isEqualTo("40%");
        assertThat($(Div.class).withId("wall-ctz-progress").single().getStyle().get("width")).isEqualTo("40.0%");
        assertThat(hidden("wall-director-0")).isFalse();
        assertThat($(Span.class).withText("张主任").exists()).isTrue();
        assertThat(text("wall-ent-answer-rate")).isEqualTo("96.8%");
        Div chart = $(Div.class).withId("wall-volume-chart").single();
        assertThat(chart.getElement().getAttribute("data-series")).as("the series as state, not a script call")
                .startsWith("{\"minutes\":[").contains("\"today\":[", "\"weekEarlier\":[");
        assertThat(chart.getElement().getAttribute("data-label-today")).isEqualTo("今日");
        assertThat($(Span.class).withText("政企通今日").exists()).isTrue();
    }

    @Test
    void frameWithSpikesThenEachAgainstTheUsualCountOfItsHourUnderTheMethodAndNothingPersonal() {
        openWall("kiosk-test");
        Instant now = Instant.now();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        HotspotBoard hotspots = new HotspotBoard(hour.minus(Duration.ofHours(23)), now, RULE, 140, 3, List.of(
                new HotspotBoard.Spike("0204", "垃圾清运", "Waste collection", UUID.randomUUID(), "城关街道", hour, 37,
                        6.0, 1e-9, 2),
                new HotspotBoard.Spike(null, null, null, UUID.randomUUID(), "东湖镇13912345678", hour, 12, 1.5, 1e-6,
                        1),
                new HotspotBoard.Spike("0104", "供水", "Water supply", null, null, hour.minus(Duration.ofDays(1)), 8,
                        0.25, 1e-6, 1)), 3, List.of(new HotspotBoard.CategoryCount("0204", "垃圾清运",
                        "Waste collection", 60)));
        backend.emit(frameWith(now, hotspots));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            roundTrip();
            assertThat(text("wall-hotspots-status")).isEqualTo("突增 3 项");
        });
        assertThat(row("wall-hotspots").getElement().getAttribute("data-state")).isEqualTo("SPIKES");
        assertThat(row("wall-hotspot-0").getElement().getAttribute("data-kind")).isEqualTo("spike");
        int h = hour.atZone(WallFigures.HOTLINE_ZONE).getHour();
        assertThat(rowTexts("wall-hotspot-0")).containsExactly("垃圾清运", "城关街道", h + "–" + (h + 1) + "时", "37",
                "/ 常态 6");
        assertThat(rowTexts("wall-hotspot-1")).startsWith("未分类", "东湖镇139******78");
        assertThat(rowTexts("wall-hotspot-1")).endsWith("12", "/ 常态 1.5");
        assertThat(rowTexts("wall-hotspot-2")).containsExactly("供水", "未派单", "昨" + h + "–" + (h + 1) + "时", "8",
                "/ 常态 0.3");
        assertThat(hidden("wall-hotspot-3")).isTrue();
        assertThat(hiddenSpan("wall-hotspots-more")).isTrue();
        assertThat(text("wall-hotspots-method")).isEqualTo("对比前4周同一小时 · 泊松检验 p≤0.001 且不少于5件");
        assertThat(hiddenSpan("wall-hotspots-empty")).isTrue();
        assertThat($(Span.class).all()).extracting(Span::getText).noneMatch(t -> t.contains("13912345678"));
    }

    @Test
    void frameWithoutSpikesThenTheTopCategoriesAndWhyNotSpikes() {
        openWall("kiosk-test");
        Instant now = Instant.now();
        HotspotBoard hotspots = new HotspotBoard(now.minus(Duration.ofHours(23)), now, RULE, 90, 0, List.of(), 0,
                List.of(new HotspotBoard.CategoryCount("0101", "市政设施", "Municipal facilities", 50),
                        new HotspotBoard.CategoryCount(null, null, null, 40)));
        backend.emit(frameWith(now, hotspots));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            roundTrip();
            assertThat(row("wall-hotspots").getElement().getAttribute("data-state")).isEqualTo("TOP_CATEGORIES");
        });
        assertThat(text("wall-hotspots-status")).isEqualTo("无突增");
        assertThat(text("wall-hotspots-empty")).isEqualTo("均在常态内，工单最多的类别（共 90 件）：");
        assertThat(row("wall-hotspot-0").getElement().getAttribute("data-kind")).isEqualTo("top");
        assertThat(rowTexts("wall-hotspot-0")).containsExactly("市政设施", "", "", "50", "件");
        assertThat(rowTexts("wall-hotspot-1").getFirst()).isEqualTo("未分类");
        assertThat(hidden("wall-hotspot-2")).isTrue();
        assertThat(text("wall-hotspots-method")).startsWith("对比前4周同一小时");
    }

    @Test
    void wallVisitedWithTokenThenReloadWithoutTokenStillShowsFigures() {
        openWall("kiosk-test");

        navigate("wall", WallView.class);

        assertThat($(Div.class).withId("wall-unauthorised").exists()).isFalse();
        assertThat($(Span.class).withId("wall-offered").exists()).isTrue();
    }

    @Test
    void backendLostThenStaleBannerAfterFiveSecondsAndGoneWhenLiveAgain() {
        openWall("kiosk-test");
        backend.emit(500, 490);
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            roundTrip();
            assertThat(text("wall-offered")).isEqualTo("500");
        });
        try {
            backend.stopRSocket();

            await().pollInSameThread().atMost(Duration.ofSeconds(12)).untilAsserted(() -> {
                roundTrip();
                assertThat(staleBannerShown()).isTrue();
            });
            assertThat($(Span.class).withText("实时连接中断，数字可能已过时").exists()).isTrue();
            assertThat($(Span.class).withId("wall-stale-age").single().getElement().getAttribute("data-tick-base"))
                    .matches("\\d+");
            assertThat(text("wall-offered")).as("last figures stay under the banner").isEqualTo("500");
        } finally {
            backend.restartRSocket();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(12)).untilAsserted(() -> {
            roundTrip();
            assertThat(staleBannerShown()).isFalse();
        });
    }

    private static WallFrame frameWith(Instant now, HotspotBoard hotspots) {
        return new WallFrame(FrameKind.UPDATE, 101, now, CallFigures.empty(now), Map.of(), AgentCounts.NONE,
                new TicketSummary(0, Map.of()), CallPanel.empty(now), TicketBoard.EMPTY, hotspots);
    }

    /** The texts of a hotspot row's cells, in order. */
    private List<String> rowTexts(String id) {
        return row(id).getChildren().map(c -> ((Span) c).getText()).toList();
    }

    private boolean hiddenSpan(String id) {
        return $(Span.class).withId(id).single().getElement().hasAttribute("hidden");
    }

    /** Opens {@code /wall?token=...} as a kiosk's address bar would. */
    private void openWall(String token) {
        UI.getCurrent().navigate("wall", QueryParameters.of(KioskGate.TOKEN_PARAMETER, token));
        assertThat(getCurrentView()).isInstanceOf(WallView.class);
    }

    private boolean staleBannerShown() {
        return !$(Div.class).withId("wall-stale").single().getElement().hasAttribute("hidden");
    }

    private boolean hidden(String id) {
        return row(id).getElement().hasAttribute("hidden");
    }

    private Div row(String id) {
        return $(Div.class).withId(id).single();
    }

    private String text(String id) {
        return $(Span.class).withId(id).single().getText();
    }
}
