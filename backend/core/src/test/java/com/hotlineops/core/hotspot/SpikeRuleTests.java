package com.hotlineops.core.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The spike rule against a Poisson tail computed here in exact decimal arithmetic. */
class SpikeRuleTests {

    private static final MathContext MC = new MathContext(40);

    /** P(X ≥ n) = 1 − Σ_{i<n} e^−λ λ^i / i!, with BigDecimal (independent of the rule's log-space sums). */
    private static double tail(int n, double lambda) {
        BigDecimal l = new BigDecimal(lambda);
        BigDecimal term = new BigDecimal(Math.exp(-lambda));
        BigDecimal below = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            below = below.add(term, MC);
            term = term.multiply(l, MC).divide(BigDecimal.valueOf(i + 1), MC);
        }
        return BigDecimal.ONE.subtract(below, MC).doubleValue();
    }

    @Property
    void upperTailMatchesTheExactSum(@ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 400) int tenthsOfLambda) {
        double lambda = tenthsOfLambda / 10.0;
        assertThat(SpikeRule.upperTail(n, lambda)).isCloseTo(tail(n, lambda), within(1e-9));
    }

    @Test
    void aQuietHourThatSuddenlyGetsTwelveIsASpike() {
        SpikeRule.Verdict v = SpikeRule.judge(12, new long[] {2, 3, 2, 3});
        assertThat(v.baselineMean()).isEqualTo(2.5);
        assertThat(v.pValue()).isCloseTo(tail(12, 2.5), within(1e-12));
        assertThat(v.spike()).isTrue();
    }

    @Test
    void anOrdinaryRiseIsNotASpike() {
        SpikeRule.Verdict v = SpikeRule.judge(5, new long[] {2, 3, 2, 3});
        assertThat(v.pValue()).isCloseTo(tail(5, 2.5), within(1e-12)).isGreaterThan(SpikeRule.ALPHA);
        assertThat(v.spike()).isFalse();
    }

    @Test
    void withoutHistoryTheFloorDecidesFiveIsASpikeFourIsNot() {
        assertThat(tail(4, SpikeRule.MIN_BASELINE_MEAN)).isGreaterThan(SpikeRule.ALPHA);
        assertThat(tail(5, SpikeRule.MIN_BASELINE_MEAN)).isLessThanOrEqualTo(SpikeRule.ALPHA);
        assertThat(SpikeRule.judge(4, new long[] {0, 0, 0, 0}).spike()).isFalse();
        assertThat(SpikeRule.judge(5, new long[] {0, 0, 0, 0}).spike()).isTrue();
    }

    @Test
    void aLargeCountOnALargeBaselineDoesNotUnderflow() {
        SpikeRule.Verdict v = SpikeRule.judge(1_200, new long[] {1_000, 1_000, 1_000, 1_000});
        assertThat(v.pValue()).isGreaterThan(0).isLessThan(SpikeRule.ALPHA);
        assertThat(v.spike()).isTrue();
        assertThat(SpikeRule.judge(1_010, new long[] {1_000, 1_000, 1_000, 1_000}).spike()).isFalse();
    }
}
