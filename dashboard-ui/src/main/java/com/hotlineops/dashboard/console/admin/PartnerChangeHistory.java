package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.partner.PartnerChange;
import com.hotlineops.contract.partner.PartnerChangePage;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change history of the partner picked (变更记录, decision 0038): who registered, changed, disabled, enabled it,
 * rotated its key or webhook secret or replayed its callbacks, and when, newest first, with each field before and
 * after. The backend records no key or secret, so none can appear here; a rotation shows its grace period only.
 */
class PartnerChangeHistory extends Div {

    /**
     * The fields the backend records, in the order they are shown (jsonb keeps no order); another one (from a later
     * backend) is shown after them under its own name.
     */
    private static final List<String> FIELDS = List.of("name", "channels", "webhookUrl", "enabled", "graceMinutes",
            "replayed", "deliveryId");

    private final AdminBackend backend;
    private final Grid<PartnerChange> grid = new Grid<>();
    private final Button more = new Button();
    private final List<PartnerChange> loaded = new ArrayList<>();
    private UUID partner;
    private String nextCursor;

    PartnerChangeHistory(AdminBackend backend) {
        this.backend = backend;
        setId("partner-changes");
        addClassName("admin-section");
        grid.setId("partner-changes-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(c -> AdminText.time(c.occurredAt())).setHeader(getTranslation("console.admin.changes.col.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PartnerChange::actor).setHeader(getTranslation("console.admin.changes.col.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> type(c.type())).setHeader(getTranslation("console.admin.changes.col.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::changes).setHeader(getTranslation("console.admin.changes.col.changes"))
                .setFlexGrow(1);
        grid.setHeight("30vh");
        grid.setEmptyStateText(getTranslation("console.admin.changes.empty"));
        more.setId("partner-changes-more");
        more.setText(getTranslation("console.admin.changes.more"));
        more.addClickListener(click -> page(nextCursor));
        more.setVisible(false);
        Paragraph explain = new Paragraph(getTranslation("console.admin.changes.explain"));
        explain.addClassName("admin-note");
        add(new H3(getTranslation("console.admin.changes.title")), explain, grid, more);
    }

    /** The first page of this partner's history. */
    void show(UUID partnerId) {
        partner = partnerId;
        loaded.clear();
        nextCursor = null;
        page(null);
    }

    /** Reads the history of the partner shown again, after a change made on this page. */
    void reload() {
        if (partner != null) {
            show(partner);
        }
    }

    UUID partner() {
        return partner;
    }

    private void page(String cursor) {
        if (partner == null) {
            return;
        }
        try {
            PartnerChangePage page = backend.partnerChanges(partner, cursor);
            page.items().stream().filter(c -> loaded.stream().noneMatch(l -> l.id() == c.id())).forEach(loaded::add);
            nextCursor = page.nextCursor();
            grid.setItems(List.copyOf(loaded));
            grid.recalculateColumnWidths();
            more.setVisible(nextCursor != null);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    private String type(String type) {
        String key = "console.admin.changes.type." + type;
        String text = getTranslation(key);
        return text.startsWith("!") ? type : text;
    }

    /**
     * One line per field: "渠道：益办事App → 益办事App、Open311". Registering, rotating and replaying had no value
     * before, so they show only the value; a change shows both, a webhook URL set where there was none included.
     */
    private Component changes(PartnerChange change) {
        Div lines = new Div();
        lines.addClassName("admin-changes");
        List<Map.Entry<String, FieldChange>> fields = change.changes().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, FieldChange> f) -> order(f.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, FieldChange> field : fields) {
            String key = field.getKey();
            String name = FIELDS.contains(key) ? getTranslation("console.admin.changes.field." + key) : key;
            FieldChange values = field.getValue();
            boolean set = values.before() == null && !"UPDATED".equals(change.type());
            Span line = new Span(set
                    ? getTranslation("console.admin.changes.set", name, value(key, values.after()))
                    : getTranslation("console.admin.changes.change", name, value(key, values.before()),
                            value(key, values.after())));
            line.addClassName("admin-change");
            lines.add(line);
        }
        return lines;
    }

    private static int order(String field) {
        int i = FIELDS.indexOf(field);
        return i < 0 ? FIELDS.size() : i;
    }

    private String value(String field, Object value) {
        return switch (field) {
            case "webhookUrl" -> value == null ? getTranslation("console.admin.partners.noWebhook") : value.toString();
            case "channels" -> value instanceof Collection<?> channels ? channels.stream()
                    .map(c -> getTranslation("console.enum.channel." + c)).collect(Collectors.joining("、"))
                    : String.valueOf(value);
            case "enabled" -> value == null ? AdminText.NONE : getTranslation(Boolean.TRUE.equals(value)
                    ? "console.admin.partners.enabled" : "console.admin.partners.stateDisabled");
            case "graceMinutes" -> value == null ? AdminText.NONE
                    : getTranslation("console.admin.changes.minutes", String.valueOf(value));
            case "deliveryId" -> value == null ? AdminText.NONE : "#" + value;
            default -> value == null ? AdminText.NONE : value.toString();
        };
    }
}
