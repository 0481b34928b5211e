package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.audit.FieldChange;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Administrators' changes to one thing (变更记录) — an account (decision 0032) or a partner (decision 0038) — as a
 * grid: when, who, what, and one line per field with its value before and after, newest first, with "more" while the
 * backend has older pages. What differs between the two is given by the owner: where a page comes from, how a type,
 * a field and a value read, and which changes set their fields rather than change them (creating has no value
 * before, so it shows only the value; a change shows both, a value set where there was none included).
 */
final class ChangeLog extends Div {

    /** One change as the grid shows it. */
    record Entry(long id, Instant occurredAt, String actor, String type, Map<String, FieldChange> changes) {
    }

    /** A page of changes, newest first, and the cursor of the next older one (null when none). */
    record Page(List<Entry> items, String nextCursor) {
    }

    /** How the owner's types, fields and values read. */
    interface Texts {

        String type(String type);

        String field(String field);

        String value(String field, Object value);
    }

    private final List<String> fields;
    private final Predicate<String> setsFields;
    private final Texts texts;
    private final Grid<Entry> grid = new Grid<>();
    private final Button more = new Button();
    private final List<Entry> loaded = new ArrayList<>();
    private Function<String, Page> source;
    private String nextCursor;

    /**
     * @param id         the grid is {@code <id>-grid}, its "more" button {@code <id>-more}
     * @param fields     the fields the backend records, in the order they are shown (jsonb keeps no order); another
     *                   one (from a later backend) is shown after them under its own name
     * @param setsFields the types of change that set their fields: a field without a value before reads "set to"
     */
    ChangeLog(String id, String height, List<String> fields, Predicate<String> setsFields, Texts texts) {
        this.fields = List.copyOf(fields);
        this.setsFields = setsFields;
        this.texts = texts;
        grid.setId(id + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(c -> AdminText.time(c.occurredAt())).setHeader(getTranslation("console.admin.changes.col.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::actor).setHeader(getTranslation("console.admin.changes.col.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> texts.type(c.type())).setHeader(getTranslation("console.admin.changes.col.type"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::changes).setHeader(getTranslation("console.admin.changes.col.changes"))
                .setFlexGrow(1);
        grid.setHeight(height);
        grid.setEmptyStateText(getTranslation("console.admin.changes.empty"));
        more.setId(id + "-more");
        more.setText(getTranslation("console.admin.changes.more"));
        more.addClickListener(click -> page(nextCursor));
        more.setVisible(false);
        add(grid, more);
    }

    /** Shows the newest page from {@code source} (a cursor, null for the newest, to a page), forgetting the last. */
    void show(Function<String, Page> source) {
        this.source = source;
        loaded.clear();
        nextCursor = null;
        page(null);
    }

    private void page(String cursor) {
        if (source == null) {
            return;
        }
        try {
            Page page = source.apply(cursor);
            page.items().stream().filter(c -> loaded.stream().noneMatch(l -> l.id() == c.id())).forEach(loaded::add);
            nextCursor = page.nextCursor();
            grid.setItems(List.copyOf(loaded));
            grid.recalculateColumnWidths();
            more.setVisible(nextCursor != null);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    /** One line per field: "渠道：益办事App → 益办事App、Open311", or "角色：话务员" for a value set. */
    private Component changes(Entry change) {
        Div lines = new Div();
        lines.addClassName("admin-changes");
        List<Map.Entry<String, FieldChange>> sorted = change.changes().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, FieldChange> f) -> order(f.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, FieldChange> field : sorted) {
            String key = field.getKey();
            String name = fields.contains(key) ? texts.field(key) : key;
            FieldChange values = field.getValue();
            boolean set = values.before() == null && setsFields.test(change.type());
            Span line = new Span(set
                    ? getTranslation("console.admin.changes.set", name, texts.value(key, values.after()))
                    : getTranslation("console.admin.changes.change", name, texts.value(key, values.before()),
                            texts.value(key, values.after())));
            line.addClassName("admin-change");
            lines.add(line);
        }
        return lines;
    }

    private int order(String field) {
        int i = fields.indexOf(field);
        return i < 0 ? fields.size() : i;
    }
}
