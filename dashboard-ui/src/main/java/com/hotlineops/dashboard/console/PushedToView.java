package com.hotlineops.dashboard.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/**
 * Hands what a backend stream signalled, on the stream's thread, to a console view on its UI: run when the UI gets to
 * it (with server push, Vaadin's security context strategy finds the signed-in user in the session there, so backend
 * calls carry their token), and not at all once the view is detached — which also disposes the stream that calls
 * this — or the UI has gone.
 */
public final class PushedToView {

    private PushedToView() {
    }

    public static void later(UI ui, Component view, Command command) {
        try {
            ui.access(() -> {
                if (view.isAttached()) {
                    command.execute();
                }
            });
        } catch (UIDetachedException gone) {
            // the UI went between the stream's signal and now: nobody to show it to
        }
    }
}
