package com.hotlineops.dashboard.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new UI the configured locale ({@code hotline.ui.locale}, zh-CN by default) instead of the
 * browser's: a wall browser is set up once by whoever installs the screen, often in English. A person who chose a
 * language in the consoles keeps it ({@link LocalePreference}).
 */
@Component
class DefaultUiLocale implements VaadinServiceInitListener {

    private final Translations translations;

    DefaultUiLocale(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(
                LocalePreference.read(VaadinRequest.getCurrent(), translations)
                        .orElse(translations.getDefaultLocale())));
    }
}
