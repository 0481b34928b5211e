package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.call.AgentCounts;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.wall.CallPanel;
import com.hotlineops.contract.wall.FrameKind;
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
        assertThat($(Div.class).withId("wall-volume-chart").exists()).isTrue();
        assertThat($(Span.class).withText("政企通今日").exists()).isTrue();
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
