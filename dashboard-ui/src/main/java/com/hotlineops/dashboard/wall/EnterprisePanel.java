package com.hotlineops.dashboard.wall;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.function.Function;

/** The enterprise line's panel (政企通, DESIGN.md §2.5): its queue today, beside the hotline's figures. */
final class EnterprisePanel extends Div {

    private final Span offered = value("wall-ent-offered");
    private final Span answerRate = value("wall-ent-answer-rate");
    private final Span inQueue = value("wall-ent-in-queue");
    private final Span longestWait = value("wall-ent-longest-wait");

    EnterprisePanel(Function<String, String> translate) {
        setId("wall-enterprise");
        addClassNames("wall-panel", "wall-panel-enterprise");
        Span title = new Span(translate.apply("wall.board.enterprise"));
        title.addClassName("wall-panel-title");
        longestWait.getElement().setAttribute(WallTicker.TICK_BASE, "");
        Div figures = new Div(
                figure(translate.apply("wall.board.ent.offered"), offered),
                figure(translate.apply("wall.board.ent.answerRate"), answerRate),
                figure(translate.apply("wall.board.ent.inQueue"), inQueue),
                figure(translate.apply("wall.board.ent.longestWait"), longestWait));
        figures.addClassName("wall-ent-figures");
        add(title, figures);
    }

    void show(EnterpriseFigures figures) {
        offered.setText(figures.offered());
        answerRate.setText(figures.answerRate());
        inQueue.setText(figures.inQueue());
        longestWait.setText(figures.longestWait());
        longestWait.getElement().setAttribute(WallTicker.TICK_BASE, WallTicker.base(figures.longestWaitSeconds()));
    }

    private static Div figure(String label, Span value) {
        Span caption = new Span(label);
        caption.addClassName("wall-ent-label");
        Div figure = new Div(caption, value);
        figure.addClassName("wall-ent-figure");
        return figure;
    }

    private static Span value(String id) {
        Span value = new Span(WallFormat.NONE);
        value.setId(id);
        value.addClassName("wall-ent-value");
        return value;
    }
}
