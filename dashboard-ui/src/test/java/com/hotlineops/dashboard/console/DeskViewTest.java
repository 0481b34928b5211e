package com.hotlineops.dashboard.console;

import static org.awaitility.Awaitility.await;

import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketPage;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the desk view tests: the real application context (one for all of them) with the backend replaced by
 * {@link FakeDeskBackend} and its desk streams by {@link FakeDeskStream}, and a signed-in desk user of the roles a
 * test names.
 */
@SpringBootTest
public abstract class DeskViewTest extends SpringBrowserlessTest {

    protected static final FakeDeskBackend backend = FakeDeskBackend.shared();
    protected static final FakeDeskStream stream = FakeDeskStream.shared();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", backend::port);
        registry.add("hotline.backend.rsocket-port", stream::port);
        registry.add("hotline.backend.reconnect-first-backoff", () -> "100ms");
        registry.add("hotline.backend.reconnect-max-backoff", () -> "500ms");
    }

    /** Every test starts from a backend that knows only the category tree (the consoles keep it once read). */
    @BeforeEach
    void freshBackend() {
        backend.reset();
        stream.reset();
        QUEUES.set(Map.of());
        backend.on("GET", "/api/v1/categories", TicketFixtures.categories());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Signed in, and the context kept in the HTTP session as Spring Security's login keeps it: there Vaadin's context
     * strategy finds it for what a live queue runs in {@code ui.access} from the stream's threads.
     */
    protected static void signIn(String username, String... roles) {
        SignedIn.as(username, roles);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
    }

    /**
     * Until it holds, each time after the UI has run what other threads handed it with {@code ui.access} (the
     * stream's items, the delayed reads), as the next request or push would.
     */
    protected void eventually(Runnable assertion) {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            runUiAccess();
            assertion.run();
        });
    }

    protected void runUiAccess() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    /** The requests for the queue of tickets in {@code status} so far. */
    protected static long queueReads(String status) {
        return backend.requests("GET", "/api/v1/tickets").stream()
                .filter(r -> status.equals(r.query().get("status"))).count();
    }

    /**
     * Answers {@code GET /api/v1/tickets} for a queue: by the {@code status} it asks for, the items of one page and
     * no further page.
     */
    protected static void queue(String status, List<TicketListItem> items) {
        Map<String, List<TicketListItem>> pages = new ConcurrentHashMap<>(QUEUES.get());
        pages.put(status, items);
        QUEUES.set(Map.copyOf(pages));
        backend.on("GET", "/api/v1/tickets", request -> new FakeDeskBackend.Answer(200,
                new TicketPage(QUEUES.get().getOrDefault(request.query().get("status"), List.of()), null)));
    }

    private static final AtomicReference<Map<String, List<TicketListItem>>> QUEUES = new AtomicReference<>(Map.of());

    /** The texts of the notifications open now. */
    protected List<String> notifications() {
        return $(Notification.class).all().stream().filter(Notification::isOpened)
                .map(n -> n.getElement().getProperty("text", "")).toList();
    }
}
