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
import com.hotlineops.dashboard.console.BackendApi;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The backend's administration routes, typed: the calendar, the SLA policies and the partners. Every call goes through
 * {@link BackendApi}, so it carries the administrator's own token, the backend alone decides who may do what, and a
 * refusal arrives as a {@code BackendProblem} for the view to show.
 */
@Component
class AdminBackend {

    /** The page size of a partner's deliveries: the backend's default. */
    static final int DELIVERIES_PAGE = 50;

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
}
