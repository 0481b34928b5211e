package com.hotlineops.dashboard.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Translations from Vaadin's default location, {@code vaadin-i18n/translations[_locale].properties} (UTF-8).
 * Lookups never fall back to the JVM's default locale: a locale without its own file gets the base (English)
 * file, so what a wall shows does not depend on the machine it runs on.
 */
@Component
public class Translations implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n/translations";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale defaultLocale;

    public Translations(@Value("${hotline.ui.locale:zh-CN}") String defaultLocale) {
        this.defaultLocale = Locale.forLanguageTag(defaultLocale.replace('_', '-'));
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return defaultLocale.equals(Locale.ENGLISH)
                ? List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)
                : List.of(defaultLocale, Locale.ENGLISH);
    }

    @Override
    public Locale getDefaultLocale() {
        return defaultLocale;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = bundle(locale == null ? defaultLocale : locale);
        if (!bundle.containsKey(key)) {
            log.warn("No translation for '{}' ({})", key, locale);
            return "!" + key;
        }
        String pattern = bundle.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, Translations.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Translations missing from the classpath: " + BUNDLE, e);
        }
    }
}
