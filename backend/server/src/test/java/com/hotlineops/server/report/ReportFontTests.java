package com.hotlineops.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** The PDF font setting: a missing font is named with what to set, not printed as empty boxes. */
class ReportFontTests {

    @Test
    void configuredFontThatDoesNotExistFailsNamingTheSetting() {
        ReportFont font = new ReportFont("/nonexistent/font.ttc");
        assertThat(font.resolve()).isNull();
        assertThatIllegalStateException().isThrownBy(font::font).withMessageContaining("HOTLINE_REPORT_FONT")
                .withMessageContaining("/nonexistent/font.ttc");
    }

    @Test
    void collectionWithoutIndexTakesTheSimplifiedChineseFace() {
        String noto = ReportFont.DEFAULT_SEARCH.getFirst();
        ReportFont font = new ReportFont(noto);
        if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(noto))) {
            assertThat(font.resolve()).isEqualTo(noto + ",2");
        } else {
            assertThat(font.resolve()).isNull();
        }
    }
}
