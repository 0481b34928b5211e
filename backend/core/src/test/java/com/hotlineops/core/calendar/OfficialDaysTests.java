package com.hotlineops.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfficialDaysTests {

    private final List<OfficialDays.Listed> shipped = OfficialDays.load();

    @Test
    void shippedListHoldsExactlyTheFactsOfTheHolidayCnFiles() {
        Map<LocalDate, Boolean> ours = shipped.stream()
                .collect(Collectors.toMap(OfficialDays.Listed::date, OfficialDays.Listed::working));
        assertThat(ours).hasSize(shipped.size()).isEqualTo(HolidayCnFiles.all());
    }

    @Test
    void everyYearFrom2020To2026HasItsListedDaysAnd2027NoneSoItFallsBack() {
        Map<Integer, Long> offDays = shipped.stream().filter(d -> !d.working())
                .collect(Collectors.groupingBy(d -> d.date().getYear(), Collectors.counting()));
        Map<Integer, Long> makeUpDays = shipped.stream().filter(OfficialDays.Listed::working)
                .collect(Collectors.groupingBy(d -> d.date().getYear(), Collectors.counting()));
        // Per data/README.md, counted by list year; 2022-12-31 is on the 2023 list, hence 32/26 by calendar year.
        assertThat(offDays).containsEntry(2020, 30L).containsEntry(2024, 28L).containsEntry(2025, 28L)
                .containsEntry(2026, 33L).doesNotContainKey(2027);
        assertThat(makeUpDays).containsEntry(2020, 7L).containsEntry(2024, 8L).containsEntry(2025, 5L)
                .containsEntry(2026, 6L).doesNotContainKey(2027);
    }

    @Test
    void covidExtensionOf2020MakesFebruaryFirstADayOffInsteadOfAMakeUpDay() {
        assertThat(shipped).filteredOn(d -> d.date().equals(LocalDate.of(2020, 2, 1)))
                .singleElement().satisfies(d -> assertThat(d.working()).isFalse());
    }

    @Test
    void malformedLineThenLoadingFailsNamingTheLine() {
        assertThatThrownBy(() -> OfficialDays.parse(List.of("# c", "date,working,name", "2024-02-10,maybe,春节")))
                .hasMessageContaining("Line 3");
    }
}
