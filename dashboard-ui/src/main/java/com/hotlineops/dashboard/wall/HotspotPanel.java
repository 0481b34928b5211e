package com.hotlineops.dashboard.wall;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The hotspots panel (数据参谋, DESIGN.md §1 supervisor row and §2.8; decision 0027): the spikes of the last 24 hours,
 * each as its count against the usual count of that hour, or the categories with most tickets when nothing spikes,
 * and under them the rule that judged them. Every row exists from the start and is only filled or hidden, so an
 * update sends changed texts, never new elements.
 */
final class HotspotPanel extends Div {

    /** The view's translations with parameters ({@code Component#getTranslation(String, Object...)}). */
    @FunctionalInterface
    interface Translations {
        String get(String key, Object... params);
    }

    private final Translations translate;
    private final Span status = new Span();
    private final Span empty = new Span();
    private final List<Line> lines = new ArrayList<>();
    private final Span more = new Span();
    private final Span method = new Span();

    HotspotPanel(Translations translate) {
        this.translate = translate;
        setId("wall-hotspots");
        addClassNames("wall-panel", "wall-panel-hotspots");
        Span title = new Span(translate.get("wall.hotspots.title"));
        title.addClassName("wall-panel-title");
        status.setId("wall-hotspots-status");
        status.addClassName("wall-hotspots-status");
        more.setId("wall-hotspots-more");
        more.addClassName("wall-hotspots-more");
        Div head = new Div(title, status, more);
        head.addClassName("wall-hotspots-head");

        empty.setId("wall-hotspots-empty");
        empty.addClassName("wall-panel-empty");
        Div rows = new Div();
        rows.setId("wall-hotspot-rows");
        rows.addClassName("wall-hotspot-rows");
        for (int i = 0; i < HotspotFigures.MAX_ROWS; i++) {
            Line line = new Line(i);
            lines.add(line);
            rows.add(line.row);
        }
        method.setId("wall-hotspots-method");
        method.addClassName("wall-hotspots-method");
        add(head, empty, rows, method);
        show(HotspotFigures.WAITING);
    }

    void show(HotspotFigures figures) {
        getElement().setAttribute("data-state", figures.state().name());
        switch (figures.state()) {
            case WAITING -> status.setText("");
            case SPIKES -> status.setText(translate.get("wall.hotspots.spikes", figures.spikes()));
            case TOP_CATEGORIES, NO_TICKETS -> status.setText(translate.get("wall.hotspots.noSpikes"));
        }
        hidden(status, figures.state() == HotspotFigures.State.WAITING);
        switch (figures.state()) {
            case WAITING -> empty.setText(translate.get("wall.hotspots.waiting"));
            case NO_TICKETS -> empty.setText(translate.get("wall.hotspots.noTickets"));
            case TOP_CATEGORIES -> empty.setText(translate.get("wall.hotspots.topCategories", figures.tickets()));
            case SPIKES -> empty.setText("");
        }
        hidden(empty, figures.state() == HotspotFigures.State.SPIKES);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).show(i < figures.rows().size() ? figures.rows().get(i) : null);
        }
        more.setText(figures.more() > 0 ? translate.get("wall.hotspots.more", figures.more()) : "");
        hidden(more, figures.more() == 0);
        method.setText(figures.state() == HotspotFigures.State.WAITING ? ""
                : translate.get("wall.hotspots.method", figures.weeks(), figures.alpha(), figures.minCount()));
    }

    /** The hidden attribute, not setVisible: the element stays, and showing it sends one attribute. */
    private static void hidden(Component component, boolean hidden) {
        component.getElement().setAttribute("hidden", hidden);
    }

    /** One row: category, area and hour of a spike, its count and the usual count; or a category and its count. */
    private final class Line {

        final Div row = new Div();
        final Span category = new Span();
        final Span area = new Span();
        final Span hour = new Span();
        final Span count = new Span();
        final Span baseline = new Span();

        Line(int index) {
            row.setId("wall-hotspot-" + index);
            row.addClassName("wall-hotspot-row");
            category.addClassName("wall-hotspot-category");
            area.addClassName("wall-hotspot-area");
            hour.addClassName("wall-hotspot-hour");
            count.addClassName("wall-hotspot-count");
            baseline.addClassName("wall-hotspot-baseline");
            row.add(category, area, hour, count, baseline);
            hidden(row, true);
        }

        void show(HotspotFigures.Row r) {
            hidden(row, r == null);
            if (r == null) {
                return;
            }
            row.getElement().setAttribute("data-kind", r.spike() ? "spike" : "top");
            category.setText(r.category() == null ? translate.get("wall.hotspots.unclassified") : r.category());
            count.setText(r.count());
            if (r.spike()) {
                area.setText(r.area() == null ? translate.get("wall.board.noUnit") : r.area());
                hour.setText(r.hour() == null ? "" : switch (r.daysAgo()) {
                    case 0 -> translate.get("wall.hotspots.hour", r.hour());
                    case 1 -> translate.get("wall.hotspots.hourYesterday", r.hour());
                    default -> r.date() + " " + translate.get("wall.hotspots.hour", r.hour());
                });
                baseline.setText(translate.get("wall.hotspots.usual", r.baseline()));
            } else {
                area.setText("");
                hour.setText("");
                baseline.setText(translate.get("wall.hotspots.tickets"));
            }
        }
    }
}
