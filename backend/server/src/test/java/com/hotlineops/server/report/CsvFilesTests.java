package com.hotlineops.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTests {

    private static final ReportDocument.Table UNITS = new ReportDocument.Table("rates", "三率",
            List.of("承办单位", "派遣", "响应率"), List.of(
                    List.of("城关街道", 12L, new ReportDocument.Rate(0.95)),
                    Arrays.asList("西关街道", 0L, new ReportDocument.Rate(null))));

    @Test
    void tableWrittenThenUtf8WithByteOrderMarkCrlfLinesAndPercentages() {
        byte[] csv = CsvFiles.write(UNITS);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("承办单位,派遣,响应率\r\n城关街道,12,95.0%\r\n西关街道,0,\r\n");
    }

    @Test
    void fieldWithCommaQuoteOrLineBreakThenQuotedWithQuotesDoubled() {
        assertThat(CsvFiles.field("井盖缺失，已报修")).isEqualTo("井盖缺失，已报修"); // a full-width comma needs nothing
        assertThat(CsvFiles.field("路灯不亮, 三盏")).isEqualTo("\"路灯不亮, 三盏\"");
        assertThat(CsvFiles.field("他说\"明天修\"")).isEqualTo("\"他说\"\"明天修\"\"\"");
        assertThat(CsvFiles.field("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(CsvFiles.field(null)).isEmpty();
    }

    @Test
    void textStartingLikeAFormulaThenDefusedButNumbersNot() {
        assertThat(CsvFiles.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvFiles.field("+86 139")).isEqualTo("'+86 139");
        assertThat(CsvFiles.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFiles.field(-3L)).isEqualTo("-3");
    }

    @Test
    void unknownTableAskedThenRefusedNamingTheTablesThereAre() {
        ReportDocument document = new ReportDocument("周报", List.of(), List.of(UNITS));

        assertThat(document.table("rates")).isSameAs(UNITS);
        assertThatIllegalArgumentException().isThrownBy(() -> document.table("everything"))
                .withMessageContaining("[rates]");
    }
}
