package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.ticket.TicketView;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;

/**
 * A yes/no decision on the ticket in hand with a reason (approve or reject a return or an extension, pass or reject an
 * audit). Each button is offered only when the ticket's state allows its step ({@link DeskAction#allows}); a step
 * that sends work back needs a reason before anything is sent. After a decision the queue is read again.
 */
public class DecisionPanel extends Composite<VerticalLayout> {

    private final TicketApi api;
    private final DeskAction yes;
    private final DeskAction no;
    private final Runnable decided;
    private final TextArea reason = new TextArea();
    private final Button yesButton = new Button();
    private final Button noButton = new Button();
    private TicketView ticket;

    /**
     * @param idPrefix ids {@code <prefix>-reason}, {@code <prefix>-yes}, {@code <prefix>-no}
     * @param keyPrefix i18n keys {@code <prefix>.reason}, {@code <prefix>.yes}, {@code <prefix>.no}, {@code <prefix>.done}
     */
    public DecisionPanel(TicketApi api, DeskAction yes, DeskAction no, String idPrefix, String keyPrefix,
            Runnable decided) {
        this.api = api;
        this.yes = yes;
        this.no = no;
        this.decided = decided;
        reason.setId(idPrefix + "-reason");
        reason.setLabel(getTranslation(keyPrefix + ".reason"));
        reason.setWidthFull();
        reason.setMaxLength(2000);
        yesButton.setId(idPrefix + "-yes");
        yesButton.setText(getTranslation(keyPrefix + ".yes"));
        yesButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yesButton.addClickListener(click -> decide(yes, keyPrefix));
        noButton.setId(idPrefix + "-no");
        noButton.setText(getTranslation(keyPrefix + ".no"));
        noButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        noButton.addClickListener(click -> decide(no, keyPrefix));
        getContent().setPadding(false);
        getContent().add(reason, new HorizontalLayout(yesButton, noButton));
        show(null);
    }

    /** The ticket to decide on (null: none selected). */
    public void show(TicketView ticket) {
        this.ticket = ticket;
        yesButton.setEnabled(yes.allows(ticket));
        noButton.setEnabled(no.allows(ticket));
        reason.setEnabled(ticket != null);
        reason.setInvalid(false);
    }

    private void decide(DeskAction action, String keyPrefix) {
        if (!action.allows(ticket)) {
            return;
        }
        String text = reason.getValue().strip();
        if (action.reasonRequired() && text.isEmpty()) {
            reason.setErrorMessage(getTranslation("console.ticket.decision.reasonRequired"));
            reason.setInvalid(true);
            return;
        }
        Optional<TicketView> after = Notices.attempt(() -> api.decide(ticket.id(), action,
                text.isEmpty() ? null : text));
        if (after.isPresent()) {
            Notices.done(getTranslation(keyPrefix + ".done", after.get().number(),
                    TicketLabels.status(after.get().status())));
            reason.clear();
            show(null);
            decided.run();
        }
    }
}
