package com.hotlineops.server.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one table of a {@link ReportDocument} as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled). UTF-8 with a byte-order mark, because that is how spreadsheet programs
 * on the desks recognise Chinese text in a CSV file; counts are plain integers and rates percentages with one decimal
 * ({@code 95.3%}), which spreadsheets read as numbers. A cell that would start with {@code = + - @} is prefixed with
 * an apostrophe so that a ticket title can never become a formula (CSV injection).
 */
public final class CsvFiles {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFiles() {
    }

    public static byte[] write(ReportDocument.Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns());
        for (List<Object> row : table.rows()) {
            line(csv, row);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object cell) {
        String text = switch (cell) {
            case null -> "";
            case Number n -> n.toString();
            case ReportDocument.Rate rate -> rate.value() == null ? "" : rate.text();
            default -> defused(cell.toString());
        };
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
