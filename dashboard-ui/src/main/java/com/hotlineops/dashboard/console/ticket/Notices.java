package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a console reports the outcome of a backend call: a refusal (illegal step, bad input, no right) shows the
 * backend's own reason and leaves the view as it was; success gets a short confirmation.
 */
public final class Notices {

    private Notices() {
    }

    /** Runs the call; on a {@link BackendProblem} shows its message and answers empty. */
    public static <T> Optional<T> attempt(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (BackendProblem problem) {
            error(problem.getMessage());
            return Optional.empty();
        }
    }

    public static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    public static void done(String message) {
        Notification notification = new Notification(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }
}
