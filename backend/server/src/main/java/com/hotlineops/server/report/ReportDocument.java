package com.hotlineops.server.report;

import java.util.List;

/**
 * A report as files show it: a title, lines of text and tables. Cells are {@code String}, {@code Long}/{@code Integer}
 * (counts), {@link Rate} (a fraction shown as a percentage) or null (empty).
 */
public record ReportDocument(String title, List<String> lines, List<Table> tables) {

    public ReportDocument {
        lines = List.copyOf(lines);
        tables = List.copyOf(tables);
    }

    /** The table with this key; {@link IllegalArgumentException} (a 400 problem) naming the keys there are. */
    public Table table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table must be one of "
                        + tables.stream().map(Table::key).toList() + ", got " + key));
    }

    /**
     * One table: its heading becomes a sheet name in XLSX and a heading in PDF; its key names it in a CSV request
     * ({@code ?table=}).
     */
    public record Table(String key, String heading, List<String> columns, List<List<Object>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        }
    }

    /** A fraction 0–1 (null when undefined), shown as a percentage with one decimal. */
    public record Rate(Double value) {

        public String text() {
            return value == null ? "—" : "%.1f%%".formatted(value * 100);
        }
    }
}
