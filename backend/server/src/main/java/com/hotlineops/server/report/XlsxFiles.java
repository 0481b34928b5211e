package com.hotlineops.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link ReportDocument} as XLSX (fastexcel, decision 0018): a first sheet with the title and lines, then
 * one sheet per table with its column heads in row 1. Counts are numbers, rates are numbers formatted as
 * percentages, so the figures can be summed in a spreadsheet.
 */
public final class XlsxFiles {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SUMMARY_SHEET = "概要";

    private XlsxFiles() {
    }

    public static byte[] write(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "HotlineOps", "1.0");
            Worksheet summary = workbook.newWorksheet(SUMMARY_SHEET);
            summary.value(0, 0, document.title());
            summary.style(0, 0).bold().fontSize(14).set();
            List<String> lines = document.lines();
            for (int i = 0; i < lines.size(); i++) {
                summary.value(i + 1, 0, lines.get(i));
            }
            Set<String> names = new HashSet<>(Set.of(SUMMARY_SHEET));
            for (ReportDocument.Table table : document.tables()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.heading(), names));
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.value(0, c, table.columns().get(c));
                    sheet.style(0, c).bold().set();
                    sheet.width(c, c == 0 ? 24 : 16);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        switch (cell) {
                            case null -> { }
                            case Number n -> sheet.value(r + 1, c, n);
                            case ReportDocument.Rate rate when rate.value() != null -> {
                                sheet.value(r + 1, c, rate.value());
                                sheet.style(r + 1, c).format("0.0%").set();
                            }
                            case ReportDocument.Rate rate -> sheet.value(r + 1, c, rate.text());
                            default -> sheet.value(r + 1, c, cell.toString());
                        }
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Excel's rules: at most 31 characters, none of {@code []:*?/\}, unique in the workbook. */
    private static String sheetName(String heading, Set<String> taken) {
        String base = heading.replaceAll("[\\[\\]:*?/\\\\]", " ");
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
