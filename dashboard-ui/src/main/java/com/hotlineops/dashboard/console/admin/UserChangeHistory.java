package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The change history of one account (变更记录, decision 0032): who created, changed, disabled, enabled or unlocked it
 * and reset its password, or the user changing their own (decision 0036), and when — newest first with each field
 * before and after, fifty at a time like a partner's history (decision 0038). The backend records no password, so
 * none can appear here; units and grids are shown by name.
 */
class UserChangeHistory extends Dialog implements ChangeLog.Texts {

    private static final List<String> FIELDS = List.of("username", "displayName", "roles", "unitId", "gridId",
            "enabled", "passwordChangeRequired", "throttled");

    private final List<AdminBackend.Unit> units;

    UserChangeHistory(AdminBackend backend, List<AdminBackend.Unit> units, UserView user) {
        this.units = units;
        setId("user-changes-dialog");
        setHeaderTitle(getTranslation("console.admin.users.changes.title", user.username()));
        Paragraph explain = new Paragraph(getTranslation("console.admin.users.changes.explain"));
        explain.addClassName("admin-note");
        // Only creating an account sets its fields; every other change has a value before.
        ChangeLog log = new ChangeLog("user-changes", "50vh", FIELDS, "CREATED"::equals, this);
        add(explain, log);

        Button close = new Button(getTranslation("console.admin.users.changes.close"), click -> close());
        close.setId("user-changes-close");
        getFooter().add(close);
        setWidth("64em");
        log.show(cursor -> page(backend.userChanges(user.id(), cursor)));
    }

    private static ChangeLog.Page page(UserChangePage page) {
        return new ChangeLog.Page(page.items().stream().map(c -> new ChangeLog.Entry(c.id(), c.occurredAt(),
                c.actor(), c.type(), c.changes())).toList(), page.nextCursor());
    }

    @Override
    public String type(String type) {
        String text = getTranslation("console.admin.users.changes.type." + type);
        return text.startsWith("!") ? type : text;
    }

    @Override
    public String field(String field) {
        return getTranslation("console.admin.users.changes.field." + field);
    }

    @Override
    public String value(String field, Object value) {
        if (value == null) {
            return AdminText.NONE;
        }
        return switch (field) {
            case "roles" -> value instanceof Collection<?> roles ? roles.stream()
                    .map(r -> getTranslation("console.role." + r)).collect(Collectors.joining("、"))
                    : String.valueOf(value);
            case "unitId", "gridId" -> units.stream().filter(u -> u.id().toString().equals(value.toString()))
                    .map(AdminBackend.Unit::name).findFirst().orElse(value.toString());
            case "enabled" -> getTranslation("console.admin.users.state."
                    + (Boolean.TRUE.equals(value) ? "ENABLED" : "DISABLED"));
            case "passwordChangeRequired", "throttled" -> getTranslation("console.admin.users.changes."
                    + (Boolean.TRUE.equals(value) ? "yes" : "no"));
            default -> value.toString();
        };
    }
}
