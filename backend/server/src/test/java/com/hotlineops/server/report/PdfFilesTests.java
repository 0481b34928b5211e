package com.hotlineops.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A report long enough for three pages, written with the machine's CJK font (the test needs one, as CI installs
 * fonts-noto-cjk) and read back with PDFBox: every page says which report it is and its number, the table's head row
 * repeats, and the Chinese text is text, not boxes.
 */
class PdfFilesTests {

    @Test
    void longReportThenEveryPageNamedAndNumberedAndTheHeadRowRepeated() throws IOException {
        ReportFont font = new ReportFont("");
        assumeTrue(font.resolve() != null, "no CJK font on this machine (CI installs fonts-noto-cjk)");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("第" + i + "网格", (long) i, new ReportDocument.Rate(i / 120.0)));
        }
        ReportDocument document = new ReportDocument("12345热线周报 2026-W47", List.of("受理 120 件"),
                List.of(new ReportDocument.Table("rates", "三率", List.of("承办单位", "派遣", "响应率"), rows)));

        byte[] pdf = new PdfFiles(font).write(document);
        Files.write(Path.of("target", "pdf-files-test.pdf"), pdf);

        try (PDDocument read = Loader.loadPDF(pdf)) {
            int pages = read.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(read);
                assertThat(text).as("page %d", page).contains("12345热线周报 2026-W47 · 第 " + page + " 页")
                        .contains("承办单位");
            }
            String all = new PDFTextStripper().getText(read);
            assertThat(all).contains("受理 120 件", "第120网格 120 100.0%", "第1网格 1 0.8%");
        }
    }
}
