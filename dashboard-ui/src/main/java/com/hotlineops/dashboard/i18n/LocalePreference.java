package com.hotlineops.dashboard.i18n;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's choice between Chinese and English, kept in a cookie so that it outlives the session and applies to the
 * login page too. Only the provided locales are honoured; anything else in the cookie is ignored.
 */
public final class LocalePreference {

    static final String COOKIE = "hotline-locale";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private LocalePreference() {
    }

    static Optional<Locale> read(VaadinRequest request, Translations translations) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                Locale wanted = Locale.forLanguageTag(cookie.getValue());
                return translations.getProvidedLocales().stream().filter(wanted::equals).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Remembers the choice on the response of the current request. */
    public static void remember(Locale locale) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}
