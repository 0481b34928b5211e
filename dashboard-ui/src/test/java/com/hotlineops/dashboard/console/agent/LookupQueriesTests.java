package com.hotlineops.dashboard.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookupQueriesTests {

    @Test
    void chineseTitleThenAsTypedThenTwoCharacterPieces() {
        assertThat(LookupQueries.of("小区停水两天", "")).containsExactly("小区停水两天", "小区", "停水", "两天");
    }

    @Test
    void manyPiecesThenAtMostThreeFallbacks() {
        assertThat(LookupQueries.of("小区停水两天没人管", null)).containsExactly("小区停水两天没人管", "小区", "停水", "两天");
    }

    @Test
    void mixedTextThenLatinWordsAndChinesePiecesSplitAtPunctuation() {
        assertThat(LookupQueries.of("App 无法登录，12345", null)).containsExactly("App 无法登录，12345", "App", "无法",
                "登录");
    }

    @Test
    void oneWordThenNoFallbackRepeatingIt() {
        assertThat(LookupQueries.of("停水", null)).containsExactly("停水");
    }

    @Test
    void noTitleThenTheStartOfTheContent() {
        String content = "供暖".repeat(40);

        assertThat(LookupQueries.of(" ", content).getFirst()).isEqualTo("供暖".repeat(15));
    }

    @Test
    void nothingTypedThenNothingToLookUp() {
        assertThat(LookupQueries.of(null, "  ")).isEmpty();
    }
}
