package com.hotlineops.contract.callback;

import java.util.Objects;

/**
 * A change of one callback task as the event stream carries it (an array of these per transaction): the task's id and
 * what happened, never the caller's number; readers fetch the task as it now is.
 */
public record CallbackTaskChanged(String taskId, CallbackChange change) {

    public CallbackTaskChanged {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(change, "change");
    }
}
