package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.sla.SlaClockView;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.EmergencyTransfer;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketPage;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.dashboard.console.BackendApi;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The backend's ticket routes (README "Architecture": intake, work queues, one ticket, its history and clocks, and
 * the desk steps of the lifecycle) as typed calls. Each call carries the signed-in user's token through
 * {@link BackendApi}; a refusal comes back as {@code BackendProblem} with the backend's reason, and changes nothing.
 */
@Component
public class TicketApi {

    private static final ParameterizedTypeReference<List<TicketEventView>> HISTORY = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<SlaClockView>> CLOCKS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Unit>> UNITS = new ParameterizedTypeReference<>() {
    };

    private final BackendApi backend;

    TicketApi(BackendApi backend) {
        this.backend = backend;
    }

    /** One page of a work queue; {@code cursor} null for the first page. */
    public TicketPage page(QueueQuery query, String cursor) {
        return backend.get(uri -> {
            uri.path("/api/v1/tickets");
            if (!query.statuses().isEmpty()) {
                uri.queryParam("status", query.statuses().stream().map(TicketStatus::name)
                        .collect(Collectors.joining(",")));
            }
            if (query.extensionPending() != null) {
                uri.queryParam("extensionPending", query.extensionPending());
            }
            uri.queryParam("sort", query.sort().name()).queryParam("limit", query.limit());
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build();
        }, TicketPage.class);
    }

    public TicketView find(UUID id) {
        return backend.get("/api/v1/tickets/{id}", TicketView.class, id);
    }

    public List<TicketEventView> history(UUID id) {
        return backend.get("/api/v1/tickets/{id}/history", HISTORY, id);
    }

    public List<SlaClockView> clocks(UUID id) {
        return backend.get("/api/v1/tickets/{id}/sla", CLOCKS, id);
    }

    /** The organisation tree (districts, townships/streets, grids, departments), ordered by code. */
    public List<Unit> units() {
        return backend.get("/api/v1/org/units", UNITS);
    }

    public IntakeResult intake(IntakeRequest request) {
        return backend.post("/api/v1/intake", request, IntakeResult.class);
    }

    public TicketView submit(UUID id) {
        return backend.post("/api/v1/tickets/{id}/submit", null, TicketView.class, id);
    }

    public TicketView answer(UUID id, String answer) {
        return backend.post("/api/v1/tickets/{id}/answer", new ReasonRequest(answer), TicketView.class, id);
    }

    public TicketView emergency(UUID id, String number, String reason) {
        return backend.post("/api/v1/tickets/{id}/emergency", new EmergencyTransfer(number, reason), TicketView.class,
                id);
    }

    public TicketView dispatch(UUID id, DispatchRequest request) {
        return backend.post("/api/v1/tickets/{id}/dispatch", request, TicketView.class, id);
    }

    /** One of the dispatcher's, auditor's decisions that take a reason: {@code path} below the ticket. */
    public TicketView decide(UUID id, DeskAction action, String reason) {
        return backend.post("/api/v1/tickets/{id}/" + action.path(), new ReasonRequest(reason), TicketView.class, id);
    }

    public TicketView revisit(UUID id, RevisitResult result, String note) {
        return backend.post("/api/v1/tickets/{id}/revisit", new RevisitRequest(result, note), TicketView.class, id);
    }

    /** A node of the organisation tree as {@code GET /api/v1/org/units} answers it; kind is DISTRICT, TOWNSHIP, GRID or DEPARTMENT. */
    public record Unit(UUID id, UUID parentId, String kind, String code, String name) {

        /** Tickets are dispatched straight to townships/streets or departments (市级直派乡镇, DESIGN.md §2.2). */
        public boolean receivesDispatch() {
            return "TOWNSHIP".equals(kind) || "DEPARTMENT".equals(kind);
        }

        public boolean isGridOf(Unit unit) {
            return "GRID".equals(kind) && unit.id().equals(parentId);
        }
    }
}
