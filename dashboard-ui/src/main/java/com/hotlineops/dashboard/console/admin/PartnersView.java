package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.partner.DeliveriesReplayed;
import com.hotlineops.contract.partner.DeliveryState;
import com.hotlineops.contract.partner.IssuedKey;
import com.hotlineops.contract.partner.IssuedWebhookSecret;
import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.partner.WebhookDeliveryPage;
import com.hotlineops.contract.partner.WebhookDeliveryView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The partner systems (对接系统, docs/partners.md §10, decisions 0016 and 0026): who is registered, on which channels,
 * where their status callbacks go, whether they are enabled (and who disabled them when) and their valid key ids.
 * Registering and rotating show the new key or secret once, in a dialog that alone holds it. For the partner picked:
 * change its channels or webhook URL (decision 0033), rotate its API key or webhook secret, disable or enable it — each
 * with a line saying what it does to the partner — its status callbacks by state, with replay of one given up or
 * of all of them, and its change history: who did what to it and when (decision 0038), read again after each change
 * made here.
 */
@Route(value = "admin/partners", layout = ConsoleLayout.class)
@Menu(order = 72, title = "console.admin.menu.partners")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class PartnersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AdminBackend backend;
    private final Grid<PartnerView> partners = new Grid<>();
    private final Div detail = new Div();
    private final Select<DeliveryState> state = new Select<>();
    private final Grid<WebhookDeliveryView> deliveries = new Grid<>();
    private final Button more = new Button();
    private final PartnerChangeHistory history;
    private final List<WebhookDeliveryView> loaded = new ArrayList<>();
    private UUID selected;
    /** The partner whose callbacks the deliveries grid holds. */
    private UUID deliveriesOf;
    private String nextCursor;

    public PartnersView(AdminBackend backend) {
        this.backend = backend;
        this.history = new PartnerChangeHistory(backend);
        setId("admin-partners");
        addClassName("admin");

        Button register = new Button(getTranslation("console.admin.partners.new"), click -> new PartnerForm(backend,
                this::registered).open());
        register.setId("partners-new");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        partnerColumns();
        detail.setId("partner-detail");
        detail.addClassName("admin-detail");
        detail.setVisible(false);
        deliveryColumns();
        state.setId("deliveries-state");
        state.setLabel(getTranslation("console.admin.deliveries.state"));
        state.setItems(DeliveryState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("console.admin.deliveries.state.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("console.admin.deliveries.state.all")
                : getTranslation("console.admin.deliveries.state." + s.name()));
        state.addValueChangeListener(change -> loadDeliveries());
        more.setText(getTranslation("console.admin.deliveries.more"));
        more.setId("deliveries-more");
        more.addClickListener(click -> moreDeliveries());
        more.setVisible(false);

        Paragraph hint = new Paragraph(getTranslation("console.admin.partners.hint"));
        hint.addClassName("admin-note");
        HorizontalLayout bar = new HorizontalLayout(register, hint);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("console.admin.menu.partners")), bar, partners, detail);
    }

    private void partnerColumns() {
        partners.setId("partners-grid");
        partners.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        partners.addColumn(PartnerView::name).setHeader(getTranslation("console.admin.partners.name"))
                .setAutoWidth(true);
        partners.addColumn(p -> p.channels().stream().map(c -> getTranslation("console.enum.channel." + c.name()))
                .collect(Collectors.joining("、"))).setHeader(getTranslation("console.admin.partners.channels"))
                .setFlexGrow(1);
        partners.addColumn(p -> p.webhookUrl() == null ? getTranslation("console.admin.partners.noWebhook")
                : p.webhookUrl()).setHeader(getTranslation("console.admin.partners.webhook")).setAutoWidth(true)
                .setTooltipGenerator(PartnerView::webhookUrl);
        partners.addComponentColumn(this::stateCell).setHeader(getTranslation("console.admin.partners.col.state"))
                .setWidth("15em").setFlexGrow(0);
        partners.addColumn(p -> getTranslation("console.admin.partners.keys", p.activeKeyIds().size(),
                        String.join(", ", p.activeKeyIds())))
                .setHeader(getTranslation("console.admin.partners.col.keys")).setAutoWidth(true);
        partners.addColumn(p -> AdminText.time(p.createdAt()))
                .setHeader(getTranslation("console.admin.partners.col.created")).setAutoWidth(true);
        partners.setAllRowsVisible(true);
        partners.setEmptyStateText(getTranslation("console.admin.partners.empty"));
        // The picked partner stays picked when its row is clicked again: the detail below is where the work is.
        ((GridSingleSelectionModel<PartnerView>) partners.getSelectionModel()).setDeselectAllowed(false);
        partners.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                select(change.getValue());
            }
        });
    }

    /** Enabled, or disabled with when and by whom (decision 0026 keeps both while it stays disabled). */
    private Component stateCell(PartnerView p) {
        Span badge = new Span(getTranslation(p.enabled() ? "console.admin.partners.enabled"
                : "console.admin.partners.stateDisabled"));
        badge.addClassNames("admin-badge", p.enabled() ? "admin-badge-ok" : "admin-badge-off");
        badge.setId("partner-state-" + p.name());
        if (p.enabled()) {
            return badge;
        }
        Span when = new Span(getTranslation("console.admin.partners.disabledWhen", AdminText.time(p.disabledAt()),
                p.disabledBy() == null ? AdminText.NONE : p.disabledBy()));
        when.addClassName("admin-note");
        Div cell = new Div(badge, when);
        cell.addClassName("admin-state-cell");
        return cell;
    }

    private void deliveryColumns() {
        deliveries.setId("deliveries-grid");
        deliveries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        deliveries.addColumn(WebhookDeliveryView::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        deliveries.addColumn(WebhookDeliveryView::ticketNumber)
                .setHeader(getTranslation("console.admin.deliveries.col.ticket")).setAutoWidth(true);
        deliveries.addColumn(d -> d.status() == null ? AdminText.NONE
                        : getTranslation("console.enum.status." + d.status().name()))
                .setHeader(getTranslation("console.admin.deliveries.col.status")).setAutoWidth(true);
        deliveries.addColumn(d -> AdminText.time(d.occurredAt()))
                .setHeader(getTranslation("console.admin.deliveries.col.occurred")).setAutoWidth(true);
        deliveries.addColumn(d -> getTranslation("console.admin.deliveries.state." + d.state().name()))
                .setHeader(getTranslation("console.admin.deliveries.state")).setAutoWidth(true)
                .setPartNameGenerator(d -> "admin-delivery-" + d.state().name().toLowerCase());
        deliveries.addColumn(WebhookDeliveryView::attempts)
                .setHeader(getTranslation("console.admin.deliveries.col.attempts")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        deliveries.addColumn(this::lastOutcome).setHeader(getTranslation("console.admin.deliveries.col.last"))
                .setAutoWidth(true).setFlexGrow(1).setTooltipGenerator(this::lastOutcome);
        deliveries.addColumn(d -> AdminText.time(d.lastAttemptAt()))
                .setHeader(getTranslation("console.admin.deliveries.col.lastAt")).setAutoWidth(true);
        deliveries.addColumn(this::nextOrDelivered)
                .setHeader(getTranslation("console.admin.deliveries.col.next")).setAutoWidth(true);
        deliveries.addColumn(d -> d.replays() == 0 ? AdminText.NONE
                        : getTranslation("console.admin.deliveries.replays", d.replays(),
                                d.replayedBy() == null ? AdminText.NONE : d.replayedBy(),
                                AdminText.time(d.replayedAt())))
                .setHeader(getTranslation("console.admin.deliveries.col.replays")).setAutoWidth(true);
        deliveries.addComponentColumn(this::replayButton).setAutoWidth(true).setFlexGrow(0);
        deliveries.setHeight("40vh");
        deliveries.setEmptyStateText(getTranslation("console.admin.deliveries.empty"));
    }

    private String lastOutcome(WebhookDeliveryView d) {
        if (d.lastHttpStatus() == null && d.lastError() == null) {
            return AdminText.NONE;
        }
        String status = d.lastHttpStatus() == null ? null : "HTTP " + d.lastHttpStatus();
        if (d.lastError() == null || d.lastError().equals(status)) {
            return status;
        }
        // The backend's line starts with the status when there was one ("HTTP 500: <the answer>", decision 0033).
        return status == null || d.lastError().startsWith(status) ? d.lastError() : status + " · " + d.lastError();
    }

    private String nextOrDelivered(WebhookDeliveryView d) {
        return switch (d.state()) {
            case DELIVERED -> getTranslation("console.admin.deliveries.deliveredAt", AdminText.time(d.deliveredAt()));
            case PENDING -> getTranslation("console.admin.deliveries.nextAt", AdminText.time(d.nextAttemptAt()));
            case FAILED -> getTranslation("console.admin.deliveries.givenUp");
        };
    }

    private Component replayButton(WebhookDeliveryView d) {
        if (d.state() != DeliveryState.FAILED) {
            return new Span();
        }
        Button replay = new Button(getTranslation("console.admin.deliveries.replay"), click -> confirmReplay(d));
        replay.setId("delivery-replay-" + d.id());
        replay.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return replay;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        loadPartners();
    }

    /** Reads the partners again and shows the one picked as it is now. */
    private void loadPartners() {
        try {
            List<PartnerView> all = backend.partners();
            partners.setItems(all);
            partners.recalculateColumnWidths();
            all.stream().filter(p -> p.id().equals(selected)).findFirst().ifPresent(partners::select);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    private void select(PartnerView partner) {
        selected = partner.id();
        showDetail(partner);
        if (!partner.id().equals(deliveriesOf)) {
            loadDeliveries();
        }
        if (!partner.id().equals(history.partner())) {
            history.show(partner.id());
        }
    }

    private void showDetail(PartnerView p) {
        detail.removeAll();
        H3 title = new H3(getTranslation("console.admin.partners.detail", p.name()));
        Paragraph secret = new Paragraph(p.webhookSecretRotatedAt() == null
                ? getTranslation("console.admin.partners.secretNeverRotated")
                : getTranslation("console.admin.partners.secretRotated", AdminText.time(p.webhookSecretRotatedAt()),
                        AdminText.time(p.previousSecretExpiresAt())));
        secret.setId("partner-secret-info");
        secret.addClassName("admin-note");

        Button edit = new Button(getTranslation("console.admin.partners.edit"), click -> new PartnerForm(backend, p,
                this::updated).open());
        edit.setId("partner-edit");
        Button rotateKey = new Button(getTranslation("console.admin.partners.rotateKey"), click -> rotateKey(p));
        rotateKey.setId("partner-rotate-key");
        Button rotateSecret = new Button(getTranslation("console.admin.partners.rotateSecret"),
                click -> rotateSecret(p));
        rotateSecret.setId("partner-rotate-secret");
        Button toggle = p.enabled()
                ? new Button(getTranslation("console.admin.partners.disable"), click -> confirmDisable(p))
                : new Button(getTranslation("console.admin.partners.enable"), click -> confirmEnable(p));
        toggle.setId(p.enabled() ? "partner-disable" : "partner-enable");
        if (p.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            toggle.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        Div actions = new Div(
                action(edit, "partner-edit-explain-short", getTranslation("console.admin.partners.edit.short")),
                action(rotateKey, "partner-rotate-key-explain",
                        getTranslation("console.admin.partners.rotateKey.explain")),
                action(rotateSecret, "partner-rotate-secret-explain",
                        getTranslation("console.admin.partners.rotateSecret.explain")),
                action(toggle, p.enabled() ? "partner-disable-explain" : "partner-enable-explain",
                        getTranslation(p.enabled() ? "console.admin.partners.disable.explain"
                                : "console.admin.partners.enable.explain")));
        actions.addClassName("admin-actions");

        Button refresh = new Button(getTranslation("console.admin.deliveries.refresh"), click -> loadDeliveries());
        refresh.setId("deliveries-refresh");
        Button replayAll = new Button(getTranslation("console.admin.deliveries.replayAll"),
                click -> confirmReplayAll(p));
        replayAll.setId("deliveries-replay-all");
        HorizontalLayout controls = new HorizontalLayout(state, refresh, replayAll,
                AdminText.explanation("deliveries-replay-all-explain",
                        getTranslation("console.admin.deliveries.replayAll.explain")));
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        Div section = new Div(new H3(getTranslation("console.admin.deliveries.title")), controls, deliveries, more);
        section.setId("partner-deliveries");
        section.addClassName("admin-section");
        detail.add(title, secret, actions, section, history);
        detail.setVisible(true);
    }

    private static Div action(Button button, String explanationId, String explanation) {
        button.setMinWidth("11em");
        Div row = new Div(button, AdminText.explanation(explanationId, explanation));
        row.addClassName("admin-action");
        return row;
    }

    private void registered(PartnerCredentials answer) {
        selected = answer.partner().id();
        loadPartners();
        new SecretDialog(getTranslation("console.admin.secrets.registered", answer.partner().name()), List.of(
                new SecretDialog.Secret("secret-api-key", getTranslation("console.admin.secrets.apiKey"),
                        answer.apiKey()),
                new SecretDialog.Secret("secret-webhook-secret", getTranslation("console.admin.secrets.webhookSecret"),
                        answer.webhookSecret())), null).open();
    }

    private void updated(PartnerView after) {
        AdminText.done(getTranslation("console.admin.partners.updated", after.name()));
        loadPartners();
        loadDeliveries();
        history.reload();
    }

    private void rotateKey(PartnerView p) {
        new RotationDialog(getTranslation("console.admin.partners.rotateKey.title", p.name()),
                getTranslation("console.admin.partners.rotateKey.explain"),
                getTranslation("console.admin.partners.rotateKey"), minutes -> {
                    try {
                        IssuedKey key = backend.rotateKey(p.id(), minutes);
                        loadPartners();
                        history.reload();
                        new SecretDialog(getTranslation("console.admin.secrets.newKey", p.name()), List.of(
                                new SecretDialog.Secret("secret-api-key",
                                        getTranslation("console.admin.secrets.apiKey"), key.apiKey())),
                                getTranslation("console.admin.secrets.keysExpire",
                                        AdminText.time(key.previousKeysExpireAt()))).open();
                        return true;
                    } catch (BackendProblem problem) {
                        AdminText.problem(problem);
                        return false;
                    }
                }).open();
    }

    private void rotateSecret(PartnerView p) {
        new RotationDialog(getTranslation("console.admin.partners.rotateSecret.title", p.name()),
                getTranslation("console.admin.partners.rotateSecret.explain"),
                getTranslation("console.admin.partners.rotateSecret"), minutes -> {
                    try {
                        IssuedWebhookSecret secret = backend.rotateWebhookSecret(p.id(), minutes);
                        loadPartners();
                        history.reload();
                        new SecretDialog(getTranslation("console.admin.secrets.newSecret", p.name()), List.of(
                                new SecretDialog.Secret("secret-webhook-secret",
                                        getTranslation("console.admin.secrets.webhookSecret"), secret.webhookSecret())),
                                secret.previousSecretExpiresAt() == null ? null
                                        : getTranslation("console.admin.secrets.secretExpires",
                                                AdminText.time(secret.previousSecretExpiresAt()))).open();
                        return true;
                    } catch (BackendProblem problem) {
                        AdminText.problem(problem);
                        return false;
                    }
                }).open();
    }

    private void confirmDisable(PartnerView p) {
        confirm("partner-disable-confirm", getTranslation("console.admin.partners.disable.title", p.name()),
                getTranslation("console.admin.partners.disable.explain"),
                getTranslation("console.admin.partners.disable"), true, () -> {
                    PartnerView after = backend.disable(p.id());
                    AdminText.done(getTranslation("console.admin.partners.disabled", after.name()));
                    loadPartners();
                    history.reload();
                });
    }

    private void confirmEnable(PartnerView p) {
        confirm("partner-enable-confirm", getTranslation("console.admin.partners.enable.title", p.name()),
                getTranslation("console.admin.partners.enable.explain"),
                getTranslation("console.admin.partners.enable"), false, () -> {
                    PartnerView after = backend.enable(p.id());
                    AdminText.done(getTranslation("console.admin.partners.enabledNow", after.name()));
                    loadPartners();
                    loadDeliveries();
                    history.reload();
                });
    }

    private void confirmReplay(WebhookDeliveryView d) {
        UUID partner = selected;
        String status = d.status() == null ? AdminText.NONE
                : getTranslation("console.enum.status." + d.status().name());
        confirm("delivery-replay-confirm",
                getTranslation("console.admin.deliveries.replay.title", String.valueOf(d.id())),
                getTranslation("console.admin.deliveries.replay.text", d.ticketNumber(), status),
                getTranslation("console.admin.deliveries.replay"), false, () -> {
                    WebhookDeliveryView after = backend.replay(partner, d.id());
                    AdminText.done(getTranslation("console.admin.deliveries.replayed", String.valueOf(after.id()),
                            getTranslation("console.admin.deliveries.state." + after.state().name())));
                    loadDeliveries();
                    history.reload();
                });
    }

    private void confirmReplayAll(PartnerView p) {
        confirm("deliveries-replay-all-confirm", getTranslation("console.admin.deliveries.replayAll.title", p.name()),
                getTranslation("console.admin.deliveries.replayAll.explain"),
                getTranslation("console.admin.deliveries.replayAll"), false, () -> {
                    DeliveriesReplayed answer = backend.replayFailed(p.id());
                    AdminText.done(getTranslation("console.admin.deliveries.replayedAll", answer.replayed()));
                    loadDeliveries();
                    history.reload();
                });
    }

    private void confirm(String id, String header, String text, String button, boolean danger, Runnable action) {
        AdminText.confirm(id, header, text, button, danger, this::getTranslation, action);
    }

    /** The first page of the picked partner's callbacks in the chosen state (all when none is chosen). */
    private void loadDeliveries() {
        if (selected == null) {
            return;
        }
        loaded.clear();
        nextCursor = null;
        deliveriesOf = selected;
        page(null);
    }

    private void moreDeliveries() {
        if (selected != null && nextCursor != null) {
            page(nextCursor);
        }
    }

    private void page(String cursor) {
        try {
            WebhookDeliveryPage page = backend.deliveries(selected, state.getValue(), cursor);
            page.items().stream().filter(d -> loaded.stream().noneMatch(l -> l.id() == d.id())).forEach(loaded::add);
            nextCursor = page.nextCursor();
            deliveries.setItems(List.copyOf(loaded));
            deliveries.recalculateColumnWidths();
            more.setVisible(Objects.nonNull(nextCursor));
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.admin.menu.partners") + " · " + getTranslation("console.title");
    }
}
