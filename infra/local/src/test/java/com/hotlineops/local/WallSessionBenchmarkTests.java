package com.hotlineops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hotlineops.local.WallSessionBenchmark.ClassHistogram;
import org.junit.jupiter.api.Test;

class WallSessionBenchmarkTests {

    private static final String BEFORE = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         15384         757744  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:          3600         115200  java.util.concurrent.ConcurrentHashMap$Node (java.base@25.0.3)
               4:            10            400  com.vaadin.flow.internal.StateNode
            Total         22296        1299032
            """;

    private static final String AFTER = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         25384        1757744  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:          4010         800400  com.vaadin.flow.internal.StateNode
               4:          3000          96000  java.util.concurrent.ConcurrentHashMap$Node (java.base@25.0.3)
               5:           100           2400  com.hotlineops.dashboard.wall.WallView
               6:            60           1440  com.vaadin.flow.component.UI
               7:            40            960  com.vaadin.flow.component.UI
            Total         35896        3084632
            """;

    @Test
    void histogramReadsInstancesBytesAndTotalPerClassWithoutTheModule() {
        ClassHistogram h = ClassHistogram.of(BEFORE);

        assertThat(h.totalInstances()).isEqualTo(22296);
        assertThat(h.totalBytes()).isEqualTo(1299032);
        assertThat(h.instances("[B")).isEqualTo(15384);
        assertThat(h.bytes("java.util.concurrent.ConcurrentHashMap$Node")).isEqualTo(115200);
        assertThat(h.instances("com.hotlineops.dashboard.wall.WallView")).isZero();
    }

    @Test
    void histogramAddsUpOneClassNameLoadedTwice() {
        ClassHistogram h = ClassHistogram.of(AFTER);

        assertThat(h.instances("com.vaadin.flow.component.UI")).isEqualTo(100);
        assertThat(h.bytes("com.vaadin.flow.component.UI")).isEqualTo(2400);
    }

    @Test
    void growthListsOnlyClassesThatGrewLargestFirst() {
        var growth = ClassHistogram.of(AFTER).growthSince(ClassHistogram.of(BEFORE), 3);

        assertThat(growth).containsExactly(
                new ClassHistogram.Growth("[B", 10000, 1000000),
                new ClassHistogram.Growth("com.vaadin.flow.internal.StateNode", 4000, 800000),
                new ClassHistogram.Growth("com.hotlineops.dashboard.wall.WallView", 100, 2400));
    }

    @Test
    void somethingElseThanAHistogramIsRefused() {
        assertThatThrownBy(() -> ClassHistogram.of("4242:\nCould not find any processes")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void perSessionIsTheDifferenceInKilobytesOverTheSessions() {
        assertThat(WallSessionBenchmark.perSessionKb(1_000_000, 1_000_000 + 500 * 512 * 1024, 500)).isEqualTo(512.0);
        assertThat(WallSessionBenchmark.perSessionKb(2048, 1024, 1)).isEqualTo(-1.0);
        assertThatThrownBy(() -> WallSessionBenchmark.perSessionKb(0, 1, 0)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void levelsAreSortedDistinctAndBounded() {
        assertThat(WallSessionBenchmark.levels("500, 100,250,100")).containsExactly(100, 250, 500);
        assertThatThrownBy(() -> WallSessionBenchmark.levels("0,10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WallSessionBenchmark.levels("100,5000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WallSessionBenchmark.levels(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStringTakesOneByteACharacterWhenLatin1ElseTwo() {
        assertThat(WallSessionBenchmark.javaStringBytes("{\"node\":1}")).isEqualTo(10);
        assertThat(WallSessionBenchmark.javaStringBytes("{\"text\":\"é\"}")).isEqualTo(12);
        assertThat(WallSessionBenchmark.javaStringBytes("{\"text\":\"今日来电\"}")).isEqualTo(30);
    }
}
