package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.contract.user.UserChange;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The change history of one account (变更记录, decision 0032): who created, changed, disabled, enabled or unlocked it
 * and reset its password, or the user changing their own (decision 0036), and when — newest first with each field
 * before and after, fifty at a time like a partner's history (decision 0038). The backend records no password, so
 * none can appear here; units and grids are shown by name.
 */
class UserChangeHistory extends Dialog {

    /**
     * The fields the backend records, in the order they are shown (jsonb keeps no order); another one (from a later
     * backend) is shown after them under its own name.
     */
    private static final List<String> FIELDS = List.of("username", "displayName", "roles", "unitId", "gridId",
            "enabled", "passwordChangeRequired", "throttled");

    private final AdminBackend backend;
    private final List<AdminBackend.Unit> units;
    private final UserView user;
    private final Grid<UserChange> grid = new Grid<>();
    private final Button more = new Button();
    private final List<UserChange> loaded = new ArrayList<>();
    private String nextCursor;

    UserChangeHistory(AdminBackend backend, List<AdminBackend.Unit> units, UserView user) {
        this.backend = backend;
        this.units = units;
        this.user = user;
        setId("user-changes-dialog");
        setHeaderTitle(getTranslation("console.admin.users.changes.title", user.username()));
        grid.setId("user-changes-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(c -> AdminText.time(c.occurredAt())).setHeader(getTranslation("console.admin.changes.col.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UserChange::actor).setHeader(getTranslation("console.admin.changes.col.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> type(c.type())).setHeader(getTranslation("console.admin.changes.col.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::changes).setHeader(getTranslation("console.admin.changes.col.changes"))
                .setFlexGrow(1);
        grid.setHeight("50vh");
        grid.setEmptyStateText(getTranslation("console.admin.changes.empty"));
        more.setId("user-changes-more");
        more.setText(getTranslation("console.admin.changes.more"));
        more.addClickListener(click -> page(nextCursor));
        more.setVisible(false);
        Paragraph explain = new Paragraph(getTranslation("console.admin.users.changes.explain"));
        explain.addClassName("admin-note");
        add(explain, grid, more);

        Button close = new Button(getTranslation("console.admin.users.changes.close"), click -> close());
        close.setId("user-changes-close");
        getFooter().add(close);
        setWidth("64em");
        page(null);
    }

    private void page(String cursor) {
        try {
            UserChangePage page = backend.userChanges(user.id(), cursor);
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
        String text = getTranslation("console.admin.users.changes.type." + type);
        return text.startsWith("!") ? type : text;
    }

    /**
     * One line per field: "角色：话务员 → 话务员、值班长". Creating had no value before, so it shows only the value; a
     * change shows both, a unit set where there was none included.
     */
    private Component changes(UserChange change) {
        Div lines = new Div();
        lines.addClassName("admin-changes");
        List<Map.Entry<String, FieldChange>> fields = change.changes().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, FieldChange> f) -> order(f.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, FieldChange> field : fields) {
            String key = field.getKey();
            String name = FIELDS.contains(key) ? getTranslation("console.admin.users.changes.field." + key) : key;
            FieldChange values = field.getValue();
            boolean set = values.before() == null && "CREATED".equals(change.type());
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
