package com.hotlineops.dashboard.wall;

import com.hotlineops.contract.wall.TicketBoard;
import com.hotlineops.contract.wall.WallFrame;
import com.hotlineops.dashboard.live.LiveWall;
import com.hotlineops.dashboard.live.LiveWallState;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import reactor.core.Disposable;

/**
 * The kiosk wall. Binds {@link LiveWall} states to elements with stable ids (the figures of DESIGN.md §2.4, agents
 * by state, open tickets, the calls per minute against a week earlier, the enterprise line, the hotspots of the last
 * 24 hours, the ticket board's deadlines, overdue units, clear-to-zero and directors on shift, and the stale banner)
 * and does nothing else. Updates arrive on the fan-out thread and reach the UI only through {@link UI#access}
 * (STYLE.md 10); the subscription lives from attach to detach.
 */
@Route(value = "wall", autoLayout = false)
@AnonymousAllowed // a kiosk has no person signed in; KioskGate admits it by its own token
public class WallView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Browsers cap cookie lifetimes at 400 days. */
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

    private final LiveWall liveWall;
    private final KioskGate gate;
    private final Supplier<Instant> clock;

    private final Span offered = value("wall-offered");
    private final Span answered = value("wall-answered");
    private final Span answerRate = value("wall-answer-rate");
    private final Span inQueue = value("wall-in-queue");
    private final Span longestWait = value("wall-longest-wait");
    private final Span ticketsOpen = value("wall-tickets-open");
    private final Span timelyAnswerRate = value("wall-timely-rate");
    private final Span callbacksPending = value("wall-callbacks-pending");
    private final Span callbacksOverdue = value("wall-callbacks-overdue");
    private final Span ticketsAtRisk = value("wall-tickets-at-risk");
    private final Span ticketsOverdue = value("wall-tickets-overdue");
    private final Span ticketsDueToday = value("wall-tickets-due-today");
    private final Span agentsAvailable = value("wall-agents-available");
    private final Span agentsOnCall = value("wall-agents-on-call");
    private final Span agentsWrapUp = value("wall-agents-wrap-up");
    private final Span agentsOnBreak = value("wall-agents-break");
    private final Span agentsOffline = value("wall-agents-offline");
    private final Span asOf = new Span();
    private final Div staleBanner = new Div();
    private final Span staleMessage = new Span();
    private final Span staleAgeLabel = new Span();
    private final Span staleAge = new Span();

    private final VolumeChart volumeChart = new VolumeChart();
    private TicketBoardPanels ticketBoard;
    private EnterprisePanel enterprise;
    private HotspotPanel hotspots;

    private boolean admitted;
    private Disposable subscription;

    public WallView(LiveWall liveWall, KioskGate gate) {
        this.liveWall = liveWall;
        this.gate = gate;
        this.clock = Instant::now;
        addClassName("wall");
        setId("wall");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wall.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinSession session = event.getUI().getSession();
        String token = event.getLocation().getQueryParameters().getSingleParameter(KioskGate.TOKEN_PARAMETER)
                .orElse(null);
        KioskGate.Admission admission = gate.admit(
                Boolean.TRUE.equals(session.getAttribute(KioskGate.SESSION_FLAG)), kioskCookie(), token);
        admitted = admission.admitted();
        if (admitted) {
            session.setAttribute(KioskGate.SESSION_FLAG, Boolean.TRUE);
        }
        if (admission == KioskGate.Admission.BY_TOKEN) {
            rememberKiosk();
            // Keep the secret out of the address bar (and out of screenshots of the wall).
            event.getUI().getPage().getHistory().replaceState(null, new Location(event.getLocation().getPath()));
        }
        removeAll();
        add(admitted ? board() : unauthorised());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!admitted) {
            return;
        }
        UI ui = event.getUI();
        // Asking for the script's (empty) result makes the browser answer once the wall is on screen. Vaadin keeps a
        // UI's last response until the client's next message, in case it must be sent again; a kiosk never sends
        // another, so without this answer every wall would hold its whole first render, about 155 KB, for good
        // (docs/benchmarks.md "Wall sessions").
        ui.getPage().executeJs(WallTicker.SCRIPT).then(installed -> { });
        subscription = liveWall.states().subscribe(state -> ui.access(() -> show(state)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
    }

    private void show(LiveWallState state) {
        Instant now = clock.get();
        WallFigures figures = WallFigures.of(state, now, getLocale());
        offered.setText(figures.offered());
        answered.setText(figures.answered());
        answerRate.setText(figures.answerRate());
        inQueue.setText(figures.inQueue());
        longestWait.setText(figures.longestWait());
        longestWait.getElement().setAttribute(WallTicker.TICK_BASE, WallTicker.base(figures.longestWaitSeconds()));
        ticketsOpen.setText(figures.ticketsOpen());
        timelyAnswerRate.setText(figures.timelyAnswerRate());
        callbacksPending.setText(figures.callbacksPending());
        callbacksOverdue.setText(figures.callbacksOverdue());
        ticketsAtRisk.setText(figures.ticketsAtRisk());
        ticketsOverdue.setText(figures.ticketsOverdue());
        ticketsDueToday.setText(figures.ticketsDueToday());
        alert(ticketsOverdue, figures.ticketsOverdueAlert());
        alert(callbacksOverdue, figures.callbacksOverdueAlert());
        agentsAvailable.setText(figures.agentsAvailable());
        agentsOnCall.setText(figures.agentsOnCall());
        agentsWrapUp.setText(figures.agentsWrapUp());
        agentsOnBreak.setText(figures.agentsOnBreak());
        agentsOffline.setText(figures.agentsOffline());
        asOf.setText(getTranslation("wall.asOf", figures.asOf()));
        showBanner(figures);
        WallFrame frame = state.frame();
        TicketBoard tickets = frame == null ? TicketBoard.EMPTY : frame.board();
        ticketBoard.show(SlaBoard.of(tickets, now, WallFigures.HOTLINE_ZONE, getLocale()),
                SlaBoard.directorsLeftOut(tickets));
        enterprise.show(EnterpriseFigures.of(frame, now, getLocale()));
        hotspots.show(HotspotFigures.of(frame, now, WallFigures.HOTLINE_ZONE, getLocale()));
        volumeChart.show(VolumeSeries.of(frame, WallFigures.HOTLINE_ZONE));
    }

    private void showBanner(WallFigures figures) {
        // The hidden attribute rather than setVisible: the banner stays in the DOM with its id, so browser tests
        // and screen readers find it, and showing it sends only the attribute.
        staleBanner.getElement().setAttribute("hidden", figures.banner() == WallFigures.Banner.NONE);
        switch (figures.banner()) {
            case NONE -> staleAge.getElement().setAttribute(WallTicker.TICK_BASE, "");
            case NO_DATA -> {
                staleMessage.setText(getTranslation("wall.stale.noData"));
                staleAgeLabel.setText(getTranslation("wall.stale.waiting"));
            }
            case LOST -> {
                staleMessage.setText(getTranslation("wall.stale.lost"));
                staleAgeLabel.setText(getTranslation("wall.stale.lostFor"));
            }
        }
        if (figures.banner() != WallFigures.Banner.NONE) {
            staleAge.setText(WallFormat.duration(figures.bannerAgeSeconds()));
            staleAge.getElement().setAttribute(WallTicker.TICK_BASE, WallTicker.base(figures.bannerAgeSeconds()));
        }
    }

    private Div board() {
        H1 title = new H1(getTranslation("wall.title"));
        title.addClassName("wall-title");
        asOf.setId("wall-as-of");
        asOf.addClassName("wall-as-of");
        ticketBoard = new TicketBoardPanels(this::getTranslation);
        enterprise = new EnterprisePanel(this::getTranslation);
        hotspots = new HotspotPanel(this::getTranslation);
        Div header = new Div(title, ticketBoard.directors(), asOf);
        header.addClassName("wall-header");

        staleBanner.setId("wall-stale");
        staleBanner.addClassName("wall-stale");
        staleMessage.addClassName("wall-stale-message");
        staleAgeLabel.addClassName("wall-stale-age-label");
        staleAge.setId("wall-stale-age");
        staleAge.addClassName("wall-stale-age");
        staleAge.getElement().setAttribute(WallTicker.TICK_BASE, "");
        staleBanner.removeAll();
        staleBanner.add(staleMessage, staleAgeLabel, staleAge);

        longestWait.getElement().setAttribute(WallTicker.TICK_BASE, "");
        Div figures = new Div(
                tile("wall.offered", offered),
                tile("wall.answered", answered),
                tile("wall.answerRate", answerRate),
                tile("wall.timelyRate", timelyAnswerRate),
                tile("wall.inQueue", inQueue),
                tile("wall.longestWait", longestWait),
                tile("wall.callbacksPending", callbacksPending),
                tile("wall.callbacksOverdue", callbacksOverdue),
                tile("wall.ticketsOpen", ticketsOpen),
                tile("wall.ticketsAtRisk", ticketsAtRisk),
                tile("wall.ticketsOverdue", ticketsOverdue),
                tile("wall.ticketsDueToday", ticketsDueToday));
        figures.setId("wall-figures");
        figures.addClassName("wall-figures");

        H2 agentsTitle = new H2(getTranslation("wall.agents"));
        agentsTitle.addClassName("wall-agents-title");
        Div agentTiles = new Div(
                agentTile("wall.agents.available", agentsAvailable, "available"),
                agentTile("wall.agents.onCall", agentsOnCall, "on-call"),
                agentTile("wall.agents.wrapUp", agentsWrapUp, "wrap-up"),
                agentTile("wall.agents.break", agentsOnBreak, "break"),
                agentTile("wall.agents.offline", agentsOffline, "offline"));
        agentTiles.addClassName("wall-agent-tiles");
        Div agents = new Div(agentsTitle, agentTiles);
        agents.setId("wall-agents");
        agents.addClassName("wall-agents");

        Span volumeTitle = new Span(getTranslation("wall.board.volume"));
        volumeTitle.addClassName("wall-panel-title");
        Div volume = new Div(volumeTitle, volumeChart);
        volume.setId("wall-volume");
        volume.addClassNames("wall-panel", "wall-panel-volume");

        Div main = new Div(figures, agents, volume, enterprise, hotspots, ticketBoard.deadlines(),
                ticketBoard.overdueUnits(), ticketBoard.clearToZero());
        main.addClassName("wall-main");
        Div board = new Div(header, staleBanner, main);
        board.addClassName("wall-board");
        show(liveWall.current());
        return board;
    }

    private Div unauthorised() {
        H1 title = new H1(getTranslation("wall.unauthorised.title"));
        Paragraph hint = new Paragraph(getTranslation("wall.unauthorised.hint"));
        Div box = new Div(title, hint);
        box.setId("wall-unauthorised");
        box.addClassName("wall-unauthorised");
        return box;
    }

    private Div tile(String labelKey, Span value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("wall-tile-label");
        Div tile = new Div(label, value);
        tile.addClassName("wall-tile");
        return tile;
    }

    private Div agentTile(String labelKey, Span value, String state) {
        Div tile = tile(labelKey, value);
        tile.addClassNames("wall-agent-tile", "wall-agent-" + state);
        return tile;
    }

    /** Marks a tile red while its count needs attention (overdue tickets or callbacks). */
    private static void alert(Span value, boolean on) {
        value.getParent().ifPresent(tile -> tile.getElement().getClassList().set("wall-alert", on));
    }

    private static Span value(String id) {
        Span value = new Span(WallFormat.NONE);
        value.setId(id);
        value.addClassName("wall-tile-value");
        return value;
    }

    private static String kioskCookie() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(cookie -> KioskGate.COOKIE_NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private void rememberKiosk() {
        VaadinRequest request = VaadinRequest.getCurrent();
        VaadinResponse response = VaadinResponse.getCurrent();
        if (request == null || response == null) {
            return;
        }
        Cookie cookie = new Cookie(KioskGate.COOKIE_NAME, gate.cookieValue());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
