package com.hotlineops.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTokensTests {

    @Test
    void unsegmentedSentenceThenEveryTwoCharacterWordIsATerm() {
        assertThat(ChineseTokens.index("小区已经停水两天了")).contains("停水", "两天", "小区", "停", "水");
    }

    @Test
    void queryWordThenItsBigramsAndSingleCharacterStaysUnigram() {
        assertThat(ChineseTokens.query("停水两天")).containsExactly("停水", "水两", "两天");
        assertThat(ChineseTokens.query("水")).containsExactly("水");
    }

    @Test
    void mixedScriptsAndPunctuationThenSeparateLowerCasedTerms() {
        assertThat(ChineseTokens.query("App 益办事，12345热线!")).containsExactly("app", "益办", "办事", "12345", "热线");
    }

    @Test
    void nothingSearchableThenNoTerms() {
        assertThat(ChineseTokens.query("，。！ ' & | ")).isEmpty();
        assertThat(ChineseTokens.query(null)).isEmpty();
    }
}
