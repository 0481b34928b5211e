package com.hotlineops.dashboard.console;

import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketPage;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the desk view tests: the real application context (one for all of them) with the backend replaced by
 * {@link FakeDeskBackend}, and a signed-in desk user of the roles a test names.
 */
@SpringBootTest(properties = "hotline.backend.rsocket-port=1")
public abstract class DeskViewTest extends SpringBrowserlessTest {

    protected static final FakeDeskBackend backend = FakeDeskBackend.shared();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", backend::port);
    }

    /** Every test starts from a backend that knows only the category tree (the consoles keep it once read). */
    @BeforeEach
    void freshBackend() {
        backend.reset();
        QUEUES.set(Map.of());
        backend.on("GET", "/api/v1/categories", TicketFixtures.categories());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected static void signIn(String username, String... roles) {
        SignedIn.as(username, roles);
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
