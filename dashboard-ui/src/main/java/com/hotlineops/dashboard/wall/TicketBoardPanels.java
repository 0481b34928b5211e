package com.hotlineops.dashboard.wall;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ticket board's panels of the wall: the nearest deadlines, overdue by unit, clear-to-zero and the directors on
 * shift. Every row exists from the start and is only filled or hidden, so an update sends changed texts, never new
 * elements. Labels come through the view's translations.
 */
final class TicketBoardPanels {

    private final Function<String, String> translate;

    private final Div deadlines = panel("wall-deadlines", "wall-panel-deadlines");
    private final List<DeadlineLine> deadlineLines = new ArrayList<>();
    private final Span noDeadlines = new Span();

    private final Div overdueUnits = panel("wall-overdue-units", "wall-panel-units");
    private final List<Span[]> unitLines = new ArrayList<>();
    private final Span noOverdue = new Span();

    private final Div clearToZero = panel("wall-clear-to-zero", "wall-panel-ctz");
    private final Span ctzTitle = new Span();
    private final Span ctzOpen = text("wall-ctz-open", "wall-ctz-open");
    private final Span ctzTagged = text("wall-ctz-tagged", "wall-ctz-figure");
    private final Span ctzCleared = text("wall-ctz-cleared", "wall-ctz-figure");
    private final Span ctzPercent = text("wall-ctz-percent", "wall-ctz-percent");
    private final Div ctzBar = new Div();

    private final Div directors = new Div();
    private final List<Span[]> directorLines = new ArrayList<>();
    private final Span noDirectors = new Span();
    private final Span moreDirectors = new Span();

    TicketBoardPanels(Function<String, String> translate) {
        this.translate = translate;
        buildDeadlines();
        buildUnits();
        buildClearToZero();
        buildDirectors();
    }

    Component deadlines() {
        return deadlines;
    }

    Component overdueUnits() {
        return overdueUnits;
    }

    Component clearToZero() {
        return clearToZero;
    }

    Component directors() {
        return directors;
    }

    void show(SlaBoard board, int directorsLeftOut) {
        for (int i = 0; i < deadlineLines.size(); i++) {
            deadlineLines.get(i).show(i < board.deadlines().size() ? board.deadlines().get(i) : null);
        }
        hidden(noDeadlines, !board.deadlines().isEmpty());

        for (int i = 0; i < unitLines.size(); i++) {
            Span[] line = unitLines.get(i);
            Div row = (Div) line[0].getParent().orElseThrow();
            boolean used = i < board.overdueUnits().size();
            hidden(row, !used);
            if (used) {
                SlaBoard.UnitRow unit = board.overdueUnits().get(i);
                line[0].setText(unit.unit() == null ? translate.apply("wall.board.noUnit") : unit.unit());
                line[1].setText(unit.countText());
            }
        }
        hidden(noOverdue, !board.overdueUnits().isEmpty());

        SlaBoard.ClearToZeroRow ctz = board.clearToZero();
        ctzTitle.setText(translate.apply("wall.board.clearToZero") + " " + ctz.month());
        ctzOpen.setText(ctz.open());
        ctzTagged.setText(ctz.tagged());
        ctzCleared.setText(ctz.cleared());
        ctzPercent.setText(ctz.progressText());
        double progress = ctz.progress() == null ? 0 : Math.clamp(ctz.progress(), 0, 1);
        ctzBar.getStyle().setWidth("%.1f%%".formatted(progress * 100));
        clearToZero.getElement().getClassList().set("wall-ctz-done", ctz.done());

        for (int i = 0; i < directorLines.size(); i++) {
            Span[] line = directorLines.get(i);
            Div row = (Div) line[0].getParent().orElseThrow();
            boolean used = i < board.directors().size();
            hidden(row, !used);
            if (used) {
                SlaBoard.DirectorRow d = board.directors().get(i);
                line[0].setText(d.name());
                line[1].setText(d.unit() == null ? "" : d.unit());
                line[2].setText(d.seat() == null ? "" : translate.apply("wall.board.seat") + " " + d.seat());
                line[3].setText(translate.apply("wall.board.until") + " " + d.until());
            }
        }
        hidden(noDirectors, !board.directors().isEmpty());
        moreDirectors.setText(directorsLeftOut > 0 ? "+" + directorsLeftOut : "");
        hidden(moreDirectors, directorsLeftOut == 0);
    }

    private void buildDeadlines() {
        Div head = new Div(label("wall.board.ticket"), label("wall.board.unit"), label("wall.board.due"),
                label("wall.board.left"));
        head.addClassNames("wall-deadline", "wall-deadline-head");
        Div rows = new Div(head);
        rows.addClassName("wall-deadline-rows");
        for (int i = 0; i < SlaBoard.MAX_DEADLINES; i++) {
            DeadlineLine line = new DeadlineLine(i);
            deadlineLines.add(line);
            rows.add(line.row);
        }
        noDeadlines.setText(translate.apply("wall.board.noDeadlines"));
        noDeadlines.addClassName("wall-panel-empty");
        deadlines.add(title("wall.board.deadlines"), noDeadlines, rows);
    }

    private void buildUnits() {
        Div rows = new Div();
        rows.addClassName("wall-unit-rows");
        for (int i = 0; i < SlaBoard.MAX_UNITS; i++) {
            Span name = new Span();
            name.addClassName("wall-unit-name");
            Span count = new Span();
            count.addClassName("wall-unit-count");
            Div row = new Div(name, count);
            row.setId("wall-overdue-unit-" + i);
            row.addClassName("wall-unit");
            hidden(row, true);
            unitLines.add(new Span[] {name, count});
            rows.add(row);
        }
        noOverdue.setText(translate.apply("wall.board.noOverdue"));
        noOverdue.addClassName("wall-panel-empty");
        overdueUnits.add(title("wall.board.overdueByUnit"), noOverdue, rows);
    }

    private void buildClearToZero() {
        ctzTitle.addClassName("wall-panel-title");
        ctzBar.setId("wall-ctz-progress");
        ctzBar.addClassName("wall-ctz-bar-fill");
        Div bar = new Div(ctzBar);
        bar.addClassName("wall-ctz-bar");
        Div open = new Div(ctzOpen, label("wall.board.ctzOpen"));
        open.addClassName("wall-ctz-main");
        Div figures = new Div(label("wall.board.ctzTagged"), ctzTagged, label("wall.board.ctzCleared"), ctzCleared,
                ctzPercent);
        figures.addClassName("wall-ctz-figures");
        clearToZero.add(ctzTitle, open, bar, figures);
    }

    private void buildDirectors() {
        directors.setId("wall-directors");
        directors.addClassName("wall-directors");
        Span caption = label("wall.board.directors");
        caption.addClassName("wall-directors-title");
        directors.add(caption);
        for (int i = 0; i < SlaBoard.MAX_DIRECTORS; i++) {
            Span name = new Span();
            name.addClassName("wall-director-name");
            Span unit = new Span();
            unit.addClassName("wall-director-unit");
            Span seat = new Span();
            seat.addClassName("wall-director-seat");
            Span until = new Span();
            until.addClassName("wall-director-until");
            Div row = new Div(name, unit, seat, until);
            row.setId("wall-director-" + i);
            row.addClassName("wall-director");
            hidden(row, true);
            directorLines.add(new Span[] {name, unit, seat, until});
            directors.add(row);
        }
        noDirectors.setText(translate.apply("wall.board.noDirectors"));
        noDirectors.addClassName("wall-director-none");
        moreDirectors.addClassName("wall-director-more");
        directors.add(noDirectors, moreDirectors);
    }

    private Span title(String key) {
        Span title = label(key);
        title.addClassName("wall-panel-title");
        return title;
    }

    private Span label(String key) {
        return new Span(translate.apply(key));
    }

    private static Div panel(String id, String className) {
        Div panel = new Div();
        panel.setId(id);
        panel.addClassNames("wall-panel", className);
        return panel;
    }

    private static Span text(String id, String className) {
        Span span = new Span(WallFormat.NONE);
        span.setId(id);
        span.addClassName(className);
        return span;
    }

    /** The hidden attribute, not setVisible: the row keeps its element, and showing it sends one attribute. */
    private static void hidden(Component component, boolean hidden) {
        component.getElement().setAttribute("hidden", hidden);
    }

    /** One row of the nearest deadlines; its countdown ticks in the browser ({@link WallTicker}). */
    private static final class DeadlineLine {

        final Div row = new Div();
        final Span number = new Span();
        final Span unit = new Span();
        final Span due = new Span();
        final Span countdown = new Span(WallFormat.NONE);

        DeadlineLine(int index) {
            row.setId("wall-deadline-" + index);
            row.addClassName("wall-deadline");
            number.addClassName("wall-deadline-number");
            unit.addClassName("wall-deadline-unit");
            due.addClassName("wall-deadline-due");
            countdown.addClassName("wall-countdown");
            countdown.getElement().setAttribute(WallTicker.COUNTDOWN_BASE, "");
            row.add(number, unit, due, countdown);
            hidden(row, true);
        }

        void show(SlaBoard.DeadlineRow d) {
            hidden(row, d == null);
            if (d == null) {
                countdown.getElement().setAttribute(WallTicker.COUNTDOWN_BASE, "");
                return;
            }
            number.setText(d.number());
            unit.setText(d.unit() == null ? "" : d.unit());
            due.setText(d.due());
            countdown.setText(d.countdown());
            countdown.getElement().setAttribute(WallTicker.RISK_BASE, WallTicker.base(d.secondsToRisk()));
            countdown.getElement().setAttribute(WallTicker.COUNTDOWN_BASE, Long.toString(d.secondsLeft()));
            row.getElement().setAttribute(WallTicker.SLA_STATE, d.state().name());
        }
    }
}
