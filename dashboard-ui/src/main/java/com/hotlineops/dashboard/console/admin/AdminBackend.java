package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.CalendarYear;
import com.hotlineops.contract.calendar.DayEdit;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.KeyRotation;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.partner.PartnerUpdate;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.contract.partner.WebhookSecretRotation;
import com.hotlineops.contract.sla.SlaPolicyEdit;
import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.PasswordReset;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserEdit;
import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.dashboard.console.BackendApi;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The backend's administration routes, typed: the calendar, the SLA policies, the partners and the user accounts. Every call goes through
 * {@link BackendApi}, so it carries the administrator's own token, the backend alone decides who may do what, and a
 * refusal arrives as a {@code BackendProblem} for the view to show.
 */
@Component
class AdminBackend {

    /** The page size of a partner's deliveries: the backend's default. */
    static final int DELIVERIES_PAGE = 50;
    /** The page size of a partner's or an account's change history: the backend's default. */
    static final int CHANGES_PAGE = 50;
    /** The page size of the user list: the backend's default. */
    static final int USERS_PAGE = 50;

    private final BackendApi api;

    AdminBackend(BackendApi api) {
        this.api = api;
    }

    // --- calendar (DESIGN.md §2.3, decision 0006) ------------------------------------------------------------------

    List<CalendarYear> years() {
        return api.get("/api/v1/calendar/years", new ParameterizedTypeReference<List<CalendarYear>>() { });
    }

    /** Each date of {@code [from, to]}, both included. */
    List<CalendarDay> days(LocalDate from, LocalDate to) {
        return api.get("/api/v1/calendar/days?from={from}&to={to}",
                new ParameterizedTypeReference<List<CalendarDay>>() { }, from.toString(), to.toString());
    }

    DayEditResult editDay(LocalDate date, DayEdit edit) {
        return api.put("/api/v1/calendar/days/{date}", edit, DayEditResult.class, date.toString());
    }

    /** Undoes an edit: the date follows the official list, or Monday–Friday, again. */
    DayEditResult revertDay(LocalDate date) {
        return api.delete("/api/v1/calendar/days/{date}", DayEditResult.class, date.toString());
    }

    // --- SLA policies (decision 0022) ------------------------------------------------------------------------------

    List<SlaPolicyView> policies() {
        return api.get("/api/v1/sla/policies", new ParameterizedTypeReference<List<SlaPolicyView>>() { });
    }

    SlaPolicyEditResult replacePolicy(String grade, SlaPolicyEdit edit) {
        return api.put("/api/v1/sla/policies/{grade}", edit, SlaPolicyEditResult.class, grade);
    }

    // --- partners (decisions 0016, 0026, 0033) ---------------------------------------------------------------------

    List<PartnerView> partners() {
        return api.get("/api/v1/admin/partners", new ParameterizedTypeReference<List<PartnerView>>() { });
    }

    PartnerCredentials register(PartnerRequest request) {
        return api.post("/api/v1/admin/partners", request, PartnerCredentials.class);
    }

    /** Sets the partner's channels and webhook URL (null: none), decision 0033; its name stays. */
    PartnerView update(UUID partner, PartnerUpdate update) {
        return api.mergePatch("/api/v1/admin/partners/{id}", update, PartnerView.class, partner);
    }

    IssuedKey rotateKey(UUID partner, int graceMinutes) {
        return api.post("/api/v1/admin/partners/{id}/keys", new KeyRotation(graceMinutes), IssuedKey.class, partner);
    }

    IssuedWebhookSecret rotateWebhookSecret(UUID partner, int graceMinutes) {
        return api.post("/api/v1/admin/partners/{id}/webhook-secret", new WebhookSecretRotation(graceMinutes),
                IssuedWebhookSecret.class, partner);
    }

    PartnerView disable(UUID partner) {
        return api.post("/api/v1/admin/partners/{id}/disable", null, PartnerView.class, partner);
    }

    PartnerView enable(UUID partner) {
        return api.post("/api/v1/admin/partners/{id}/enable", null, PartnerView.class, partner);
    }

    /** A page of the partner's status callbacks, newest first; {@code state} null for all. */
    WebhookDeliveryPage deliveries(UUID partner, DeliveryState state, String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/admin/partners/{id}/deliveries").queryParam("limit", DELIVERIES_PAGE);
            if (state != null) {
                uri.queryParam("state", state.name());
            }
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build(partner);
        }, WebhookDeliveryPage.class);
    }

    WebhookDeliveryView replay(UUID partner, long delivery) {
        return api.post("/api/v1/admin/partners/{id}/deliveries/{delivery}/replay", null, WebhookDeliveryView.class,
                partner, delivery);
    }

    DeliveriesReplayed replayFailed(UUID partner) {
        return api.post("/api/v1/admin/partners/{id}/deliveries/replay", null, DeliveriesReplayed.class, partner);
    }

    /** A page of what administrators changed on the partner, newest first (decision 0038). */
    PartnerChangePage partnerChanges(UUID partner, String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/admin/partners/{id}/changes").queryParam("limit", CHANGES_PAGE);
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build(partner);
        }, PartnerChangePage.class);
    }

    // --- users (decision 0032) -------------------------------------------------------------------------------------

    /** What the user list is filtered by; null for "any". */
    record UserQuery(String q, String role, UUID unitId, UUID gridId, Boolean enabled) {

        static final UserQuery ALL = new UserQuery(null, null, null, null, null);
    }

    /** A node of the organisation tree ({@code GET /api/v1/org/units}); kind is DISTRICT, TOWNSHIP, GRID or DEPARTMENT. */
    record Unit(UUID id, UUID parentId, String kind, String code, String name) {

        boolean isGrid() {
            return "GRID".equals(kind);
        }
    }

    List<Unit> units() {
        return api.get("/api/v1/org/units", new ParameterizedTypeReference<List<Unit>>() { });
    }

    /** A page of the accounts by username; {@code cursor} the previous page's {@code nextCursor}, or null. */
    UserPage users(UserQuery query, String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/users").queryParam("limit", USERS_PAGE);
            if (query.q() != null && !query.q().isBlank()) {
                uri.queryParam("q", "{q}");
            }
            if (query.role() != null) {
                uri.queryParam("role", query.role());
            }
            if (query.unitId() != null) {
                uri.queryParam("unitId", query.unitId());
            }
            if (query.gridId() != null) {
                uri.queryParam("gridId", query.gridId());
            }
            if (query.enabled() != null) {
                uri.queryParam("enabled", query.enabled());
            }
            if (cursor != null) {
                uri.queryParam("cursor", "{cursor}");
            }
            return uri.build(Map.of("q", query.q() == null ? "" : query.q().strip(),
                    "cursor", cursor == null ? "" : cursor));
        }, UserPage.class);
    }

    UserView createUser(NewUser user) {
        return api.post("/api/v1/users", user, UserView.class);
    }

    UserView updateUser(UUID id, UserEdit edit) {
        return api.put("/api/v1/users/{id}", edit, UserView.class, id);
    }

    UserView disableUser(UUID id) {
        return api.post("/api/v1/users/{id}/disable", null, UserView.class, id);
    }

    UserView enableUser(UUID id) {
        return api.post("/api/v1/users/{id}/enable", null, UserView.class, id);
    }

    /** Lifts the account's login throttle (decision 0037); the same answer when it was not throttled. */
    UserView unlockUser(UUID id) {
        return api.post("/api/v1/users/{id}/unlock", null, UserView.class, id);
    }

    /** A page of what was changed on the account, newest first (decisions 0032, 0038). */
    UserChangePage userChanges(UUID id, String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/users/{id}/changes").queryParam("limit", CHANGES_PAGE);
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build(id);
        }, UserChangePage.class);
    }

    /** Sets the password the administrator typed; the backend answers 204 and ends the user's refresh tokens. */
    void resetPassword(UUID id, String password) {
        api.post("/api/v1/users/{id}/password", new PasswordReset(password), Void.class, id);
    }
}
