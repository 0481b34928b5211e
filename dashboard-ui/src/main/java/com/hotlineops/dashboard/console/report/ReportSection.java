package com.hotlineops.dashboard.console.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The layout pieces the three report pages share: a titled section with its CSV link, and the controls row. */
final class ReportSection {

    private ReportSection() {
    }

    /** A heading with the table's own download beside it, then the table. */
    static Div of(String title, Component download, Component body) {
        H3 heading = new H3(title);
        HorizontalLayout head = new HorizontalLayout(heading, download);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("report-section-head");
        Div section = new Div(head, body);
        section.addClassName("report-section");
        return section;
    }

    /** The pickers, then the whole-report downloads at the end of the row. */
    static HorizontalLayout controls(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("report-controls");
        return row;
    }
}
