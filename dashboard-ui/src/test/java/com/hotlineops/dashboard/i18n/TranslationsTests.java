package com.hotlineops.dashboard.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTests {

    private final Translations translations = new Translations("zh-CN");

    @Test
    void defaultLocaleThenSimplifiedChinese() {
        assertThat(translations.getDefaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getProvidedLocales()).first().isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getTranslation("wall.offered", Locale.SIMPLIFIED_CHINESE)).isEqualTo("今日来电");
    }

    @Test
    void underscoreFormOfTheLocaleThenSameLocale() {
        assertThat(new Translations("zh_CN").getDefaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void englishThenFallbackFile() {
        assertThat(translations.getTranslation("wall.offered", Locale.ENGLISH)).isEqualTo("Calls offered today");
    }

    @Test
    void localeWithoutItsOwnFileThenEnglishNeverTheMachineLocale() {
        assertThat(translations.getTranslation("wall.answered", Locale.GERMANY)).isEqualTo("Answered");
    }

    @Test
    void parametersThenFormattedIntoTheText() {
        assertThat(translations.getTranslation("wall.asOf", Locale.SIMPLIFIED_CHINESE, "10:00:00"))
                .isEqualTo("数据时间 10:00:00");
    }

    @Test
    void unknownKeyThenMarkedNotBlank() {
        assertThat(translations.getTranslation("wall.nope", Locale.SIMPLIFIED_CHINESE)).isEqualTo("!wall.nope");
    }

    @Test
    void everyKeyThenTranslatedInEveryFile() throws IOException {
        Properties fallback = load("vaadin-i18n/translations.properties");
        Properties chinese = load("vaadin-i18n/translations_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).isEqualTo(fallback.stringPropertyNames());
        assertThat(chinese.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
