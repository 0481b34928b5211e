package com.hotlineops.dashboard.console.supervisor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.hotlineops.contract.callback.CallbackAttemptRequest;
import com.hotlineops.contract.callback.CallbackFigures;
import com.hotlineops.contract.callback.CallbackOutcome;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import com.hotlineops.contract.marktrack.ClearToZeroBoard;
import com.hotlineops.contract.marktrack.TagRequest;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.dashboard.console.BackendApi;
import com.hotlineops.dashboard.live.BackendStreams;
import com.hotlineops.dashboard.security.CurrentUser;
import com.hotlineops.dashboard.security.DeskUser;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The backend routes this console uses, typed. Every call goes through {@link BackendApi}, so it carries the
 * supervisor's own token and a refusal arrives as a {@code BackendProblem} for the view to show; the callback queue's
 * push stream goes through {@link BackendStreams}, with the same token.
 */
@Component
class SupervisorBackend {

    /** An organisation unit as the pickers need it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(UUID id, String kind, String code, String name) {

        /** Tickets go to townships/streets and departments (DESIGN.md §2.2), so those are what boards filter by. */
        boolean receivesDispatch() {
            return "TOWNSHIP".equals(kind) || "DEPARTMENT".equals(kind);
        }
    }

    /** A user who may be put on a shift ({@code GET /api/v1/shifts/directors}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Director(UUID id, String name) {
    }

    static final String CALLBACK_STREAM = "callbacks.tasks";

    private final BackendApi api;
    private final BackendStreams streams;
    private final CurrentUser user;

    SupervisorBackend(BackendApi api, BackendStreams streams, CurrentUser user) {
        this.api = api;
        this.streams = streams;
        this.user = user;
    }

    BoardRow.Page tickets(BoardFilter filter, String cursor) {
        return api.get(uri -> filter.uri(uri, cursor), BoardRow.Page.class);
    }

    void supervise(UUID ticket, String reason) {
        api.post("/api/v1/tickets/{id}/supervise", new ReasonRequest(reason), Void.class, ticket);
    }

    void tag(UUID ticket, String tag, String reason) {
        api.post("/api/v1/tickets/{id}/tags", new TagRequest(tag, reason), Void.class, ticket);
    }

    List<Unit> units() {
        return api.get("/api/v1/org/units", new ParameterizedTypeReference<List<Unit>>() { });
    }

    List<CallbackTaskView> openCallbacks() {
        return api.get("/api/v1/callbacks?open=true", new ParameterizedTypeReference<List<CallbackTaskView>>() { });
    }

    CallbackFigures callbackFigures() {
        return api.get("/api/v1/callbacks/figures", CallbackFigures.class);
    }

    /**
     * RSocket {@code callbacks.tasks} (a snapshot of the open tasks, then each change) with the signed-in user's own
     * token, since the backend masks numbers per subscriber (the claimant sees the full number). Followed until
     * cancelled: {@code onLost} hears each time a connection ended or could not be opened, and the next one starts
     * with a fresh snapshot. Call it where the user is signed in (the UI thread): the user is taken now, a token
     * (refreshed when due) as each connection opens, and a refreshed one at once when the backend ended the stream
     * because its token expired (decision 0043).
     */
    Flux<CallbackStreamItem> callbackTasks(Consumer<Throwable> onLost) {
        DeskUser who = user.require();
        return streams.following(CALLBACK_STREAM, CallbackStreamItem.class, expired -> user.streamToken(who, expired),
                onLost);
    }

    CallbackTaskView claim(String task) {
        return api.post("/api/v1/callbacks/{id}/claim", null, CallbackTaskView.class, task);
    }

    CallbackTaskView attempt(String task, CallbackOutcome outcome) {
        return api.post("/api/v1/callbacks/{id}/attempts", new CallbackAttemptRequest(outcome),
                CallbackTaskView.class, task);
    }

    ClearToZeroBoard clearToZero(YearMonth month) {
        return api.get("/api/v1/mark-track/board?month={month}", ClearToZeroBoard.class, month.toString());
    }

    List<Shift> shifts(Instant from, Instant to) {
        return api.get("/api/v1/shifts?from={from}&to={to}", new ParameterizedTypeReference<List<Shift>>() { },
                from.toString(), to.toString());
    }

    List<Director> directors() {
        return api.get("/api/v1/shifts/directors", new ParameterizedTypeReference<List<Director>>() { });
    }

    Shift createShift(ShiftRequest shift) {
        return api.post("/api/v1/shifts", shift, Shift.class);
    }

    Shift replaceShift(UUID id, ShiftRequest shift) {
        return api.put("/api/v1/shifts/{id}", shift, Shift.class, id);
    }

    void deleteShift(UUID id) {
        api.delete("/api/v1/shifts/{id}", id);
    }
}
