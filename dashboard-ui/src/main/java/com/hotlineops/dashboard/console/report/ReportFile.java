package com.hotlineops.dashboard.console.report;

/**
 * One file of a report: the whole report as PDF or XLSX, or one of its tables as CSV.
 *
 * @param table the table's key for a CSV ({@code rates}, {@code units}, ...), null for PDF and XLSX
 */
record ReportFile(String extension, String contentType, String table) {

    static final ReportFile PDF = new ReportFile(".pdf", "application/pdf", null);
    static final ReportFile XLSX = new ReportFile(".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null);

    static ReportFile csv(String table) {
        return new ReportFile(".csv", "text/csv;charset=UTF-8", table);
    }

    /** The download's file name for a query: the report's name, the table's key for a CSV. */
    String fileName(ReportQuery query) {
        return query.fileName() + (table == null ? "" : "-" + table) + extension;
    }
}
