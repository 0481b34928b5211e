package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.i18n.LocalePreference;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;

/** Chinese or English for this person (issue #5: zh-CN by default, English selectable); the page reloads in it. */
class LanguageSwitch extends Select<Locale> {

    LanguageSwitch() {
        setId("language-switch");
        I18NProvider i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        setItems(i18n.getProvidedLocales());
        setItemLabelGenerator(locale -> locale.getLanguage().equals("zh") ? "中文" : "English");
        setValue(UI.getCurrent().getLocale());
        setAriaLabel(getTranslation("console.language"));
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                LocalePreference.remember(change.getValue());
                UI.getCurrent().getSession().setLocale(change.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
