package com.hotlineops.server.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReportDocument} as PDF (OpenPDF, decision 0018) on A4 landscape with the CJK font of
 * {@link ReportFont} embedded (subset), so Chinese text prints and can be searched and extracted. Every page ends with
 * the report's title and its page number, so a printed page that strays from the stack still says what it is; a
 * table's head row repeats on each page it runs onto; the first column (what a row is about) is wider.
 */
@Component
public class PdfFiles {

    private final ReportFont fonts;

    PdfFiles(ReportFont fonts) {
        this.fonts = fonts;
    }

    public byte[] write(ReportDocument document) {
        BaseFont base = fonts.font();
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD);
        Font text = new Font(base, 10);
        Font cell = new Font(base, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new Footer(document.title(), new Font(base, 8, Font.NORMAL, Color.GRAY)));
        pdf.addTitle(document.title());
        pdf.addCreator("HotlineOps");
        pdf.open();
        Paragraph t = new Paragraph(document.title(), title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(12);
        pdf.add(t);
        for (String line : document.lines()) {
            pdf.add(new Paragraph(line, text));
        }
        for (ReportDocument.Table table : document.tables()) {
            Paragraph h = new Paragraph(table.heading(), heading);
            h.setSpacingBefore(14);
            h.setSpacingAfter(6);
            pdf.add(h);
            PdfPTable grid = new PdfPTable(widths(table.columns().size()));
            grid.setWidthPercentage(100);
            grid.setHeaderRows(1);
            for (String column : table.columns()) {
                PdfPCell c = new PdfPCell(new Phrase(column, cell));
                c.setBackgroundColor(new Color(0xE8, 0xEC, 0xF2));
                grid.addCell(c);
            }
            for (List<Object> row : table.rows()) {
                for (Object value : row) {
                    PdfPCell c = new PdfPCell(new Phrase(text(value), cell));
                    if (value instanceof Number || value instanceof ReportDocument.Rate) {
                        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    grid.addCell(c);
                }
            }
            if (table.rows().isEmpty()) {
                PdfPCell none = new PdfPCell(new Phrase("无", cell));
                none.setColspan(table.columns().size());
                grid.addCell(none);
            }
            pdf.add(grid);
        }
        pdf.close();
        return out.toByteArray();
    }

    /** The first column twice as wide as the others. */
    private static float[] widths(int columns) {
        float[] widths = new float[columns];
        java.util.Arrays.fill(widths, 1f);
        widths[0] = columns > 1 ? 2f : 1f;
        return widths;
    }

    /** "12345热线周报 2026-W47 · 第 3 页" centred under each page's margin. */
    private static final class Footer extends PdfPageEventHelper {

        private final String title;
        private final Font font;

        Footer(String title, Font font) {
            this.title = title;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase(title + " · 第 " + writer.getPageNumber() + " 页", font);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
                    (document.left() + document.right()) / 2, document.bottom() - 18, 0);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case ReportDocument.Rate rate -> rate.text();
            default -> value.toString();
        };
    }
}
