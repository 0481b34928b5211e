package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.partner.PartnerChangePage;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The change history of the partner picked (变更记录, decision 0038): who registered, changed, disabled, enabled it,
 * rotated its key or webhook secret or replayed its callbacks, and when, newest first, with each field before and
 * after. The backend records no key or secret, so none can appear here; a rotation shows its grace period only.
 */
class PartnerChangeHistory extends Div implements ChangeLog.Texts {

    private static final List<String> FIELDS = List.of("name", "channels", "webhookUrl", "enabled", "graceMinutes",
            "replayed", "deliveryId");

    private final AdminBackend backend;
    /** Registering, rotating and replaying set their fields; only a change of the partner's settings changes them. */
    private final ChangeLog log = new ChangeLog("partner-changes", "30vh", FIELDS, type -> !"UPDATED".equals(type),
            this);
    private UUID partner;

    PartnerChangeHistory(AdminBackend backend) {
        this.backend = backend;
        setId("partner-changes");
        addClassName("admin-section");
        Paragraph explain = new Paragraph(getTranslation("console.admin.changes.explain"));
        explain.addClassName("admin-note");
        add(new H3(getTranslation("console.admin.changes.title")), explain, log);
    }

    /** The first page of this partner's history. */
    void show(UUID partnerId) {
        partner = partnerId;
        log.show(cursor -> page(backend.partnerChanges(partnerId, cursor)));
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

    private static ChangeLog.Page page(PartnerChangePage page) {
        return new ChangeLog.Page(page.items().stream().map(c -> new ChangeLog.Entry(c.id(), c.occurredAt(),
                c.actor(), c.type(), c.changes())).toList(), page.nextCursor());
    }

    @Override
    public String type(String type) {
        String text = getTranslation("console.admin.changes.type." + type);
        return text.startsWith("!") ? type : text;
    }

    @Override
    public String field(String field) {
        return getTranslation("console.admin.changes.field." + field);
    }

    @Override
    public String value(String field, Object value) {
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
