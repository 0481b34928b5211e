package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.report.Count;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;

/** A breakdown of a report (what, count, share of the total), all rows visible, in the backend's order. */
final class CountGrid extends Grid<Count> {

    private long total;

    CountGrid(String id, String what, String countHeader, String shareHeader, Locale locale) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(Count::label).setHeader(what).setFlexGrow(2);
        addColumn(c -> ReportText.count(c.count(), locale)).setHeader(countHeader).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(c -> total == 0 ? ReportText.NONE : ReportText.rate((double) c.count() / total))
                .setHeader(shareHeader).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        setAllRowsVisible(true);
        setEmptyStateText(ReportText.NONE);
    }

    void show(List<Count> counts) {
        total = counts.stream().mapToLong(Count::count).sum();
        setItems(counts);
    }
}
