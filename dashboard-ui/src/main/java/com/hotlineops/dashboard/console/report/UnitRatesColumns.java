package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.report.UnitRates;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Beijing's three rates per unit (DESIGN.md §2.8) as grid columns: each rate beside the two counts it is made of, so a
 * reader sees "95.0%" and also that it is 19 of 20.
 */
final class UnitRatesColumns {

    private UnitRatesColumns() {
    }

    static void add(Grid<UnitRates> grid, ReportText.Translator t, Locale locale) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addColumn(u -> u.unitName() == null ? ReportText.NONE : u.unitName())
                .setHeader(t.get("console.report.col.unit")).setFlexGrow(2).setFrozen(true);
        count(grid, t.get("console.report.col.dispatched"), UnitRates::dispatched, locale);
        count(grid, t.get("console.report.col.signedForOnTime"), UnitRates::signedForOnTime, locale);
        rate(grid, t.get("console.report.col.responseRate"), u -> u.responseRate());
        count(grid, t.get("console.report.col.revisited"), UnitRates::revisited, locale);
        count(grid, t.get("console.report.col.resolved"), UnitRates::resolved, locale);
        rate(grid, t.get("console.report.col.resolutionRate"), u -> u.resolutionRate());
        count(grid, t.get("console.report.col.revisitedReached"), UnitRates::revisitedReached, locale);
        count(grid, t.get("console.report.col.satisfied"), UnitRates::satisfied, locale);
        rate(grid, t.get("console.report.col.satisfactionRate"), u -> u.satisfactionRate());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(ReportText.NONE);
    }

    private static void count(Grid<UnitRates> grid, String header, ToLongFunction<UnitRates> value, Locale locale) {
        grid.addColumn(u -> ReportText.count(value.applyAsLong(u), locale)).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }

    private static void rate(Grid<UnitRates> grid, String header, Function<UnitRates, Double> value) {
        grid.addColumn(u -> ReportText.rate(value.apply(u))).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(u -> "report-rate");
    }
}
