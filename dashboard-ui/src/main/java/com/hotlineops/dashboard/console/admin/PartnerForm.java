package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.PartnerRequest;
import com.hotlineops.contract.partner.PartnerUpdate;
import com.hotlineops.contract.partner.PartnerView;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Registers a partner system (docs/partners.md §1, §10): its name, the channels it may submit on and, optionally, the
 * URL that receives its status callbacks — or changes the channels and URL of one registered (decision 0033), its name
 * shown but fixed. The form checks the backend's rules before anything is sent (the name's pattern, at least one
 * channel, an absolute http(s) URL); the voice channels are not offered, since no partner submits on them. A refusal —
 * a name already taken is a 409 — is shown as the backend gave it and the form stays open.
 */
class PartnerForm extends Dialog {

    /** The backend's rule for a partner's name ({@code PartnerDirectory.NAME}). */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    static final int URL_MAX = 2000;
    /** The hotline's own phone lines: a partner never submits on them. */
    static final Set<Channel> VOICE = EnumSet.of(Channel.HOTLINE, Channel.ENTERPRISE_LINE);

    final TextField name = new TextField();
    final CheckboxGroup<Channel> channels = new CheckboxGroup<>();
    final TextField webhook = new TextField();

    /** The form that registers a new partner. */
    PartnerForm(AdminBackend backend, Consumer<PartnerCredentials> registered) {
        fields();
        setId("partner-form");
        setHeaderTitle(getTranslation("console.admin.partners.form.title"));
        add(name, channels, webhook, AdminText.explanation("partner-form-explain",
                getTranslation("console.admin.partners.form.explain")));
        footer(getTranslation("console.admin.partners.register"), () -> read().ifPresent(request -> {
            try {
                PartnerCredentials answer = backend.register(request);
                close();
                registered.accept(answer);
            } catch (BackendProblem problem) {
                AdminText.problem(problem);
            }
        }));
    }

    /** The form that changes a registered partner's channels and webhook URL; an empty URL removes it. */
    PartnerForm(AdminBackend backend, PartnerView partner, Consumer<PartnerView> updated) {
        fields();
        setId("partner-edit-form");
        setHeaderTitle(getTranslation("console.admin.partners.edit.title", partner.name()));
        name.setValue(partner.name());
        name.setReadOnly(true);
        name.setHelperText(getTranslation("console.admin.partners.name.fixed"));
        channels.setValue(Set.copyOf(partner.channels()));
        webhook.setValue(partner.webhookUrl() == null ? "" : partner.webhookUrl());
        add(name, channels, webhook, AdminText.explanation("partner-edit-explain",
                getTranslation("console.admin.partners.edit.explain")));
        footer(getTranslation("console.admin.partners.edit.save"), () -> read().ifPresent(request -> {
            try {
                PartnerView answer = backend.update(partner.id(),
                        new PartnerUpdate(request.channels(), request.webhookUrl()));
                close();
                updated.accept(answer);
            } catch (BackendProblem problem) {
                AdminText.problem(problem);
            }
        }));
    }

    private void fields() {
        name.setId("partner-name");
        name.setLabel(getTranslation("console.admin.partners.name"));
        name.setHelperText(getTranslation("console.admin.partners.name.help"));
        name.setMaxLength(40);
        name.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        channels.setId("partner-channels");
        channels.setLabel(getTranslation("console.admin.partners.channels"));
        List<Channel> offered = Arrays.stream(Channel.values()).filter(c -> !VOICE.contains(c)).toList();
        channels.setItems(offered);
        channels.setItemLabelGenerator(c -> getTranslation("console.enum.channel." + c.name()));
        channels.setRequiredIndicatorVisible(true);
        webhook.setId("partner-webhook");
        webhook.setLabel(getTranslation("console.admin.partners.webhook"));
        webhook.setHelperText(getTranslation("console.admin.partners.webhook.help"));
        webhook.setPlaceholder("https://app.example.cn/hotline/hook");
        webhook.setMaxLength(URL_MAX);
        webhook.setWidthFull();
    }

    private void footer(String saveText, Runnable save) {
        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("partner-cancel");
        Button saveButton = new Button(saveText, click -> save.run());
        saveButton.setId("partner-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, saveButton);
        setWidth("40em");
    }

    /** The registration the fields describe, or empty with the wrong fields marked. */
    Optional<PartnerRequest> read() {
        String n = name.getValue().strip();
        boolean nameOk = NAME.matcher(n).matches();
        name.setInvalid(!nameOk);
        name.setErrorMessage(nameOk ? null : getTranslation("console.admin.partners.error.name"));
        boolean channelsOk = !channels.getValue().isEmpty();
        channels.setInvalid(!channelsOk);
        channels.setErrorMessage(channelsOk ? null : getTranslation("console.admin.partners.error.channels"));
        String url = webhook.getValue().strip();
        boolean urlOk = url.isEmpty() || validUrl(url);
        webhook.setInvalid(!urlOk);
        webhook.setErrorMessage(urlOk ? null : getTranslation("console.admin.partners.error.webhook"));
        if (!nameOk || !channelsOk || !urlOk) {
            return Optional.empty();
        }
        List<Channel> chosen = channels.getValue().stream().sorted().toList();
        return Optional.of(new PartnerRequest(n, chosen, url.isEmpty() ? null : url));
    }

    /** As the backend checks it: an absolute http or https URL with a host. */
    static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && url.length() <= URL_MAX;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
