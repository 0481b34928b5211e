package com.hotlineops.contract.callback;

import java.util.List;
import java.util.Objects;

/**
 * One item of the RSocket stream {@code callbacks.tasks}: the {@code SNAPSHOT} of all open tasks (oldest due first),
 * then for each change the task as it now is (one element). A task's {@code version} only grows along the stream, so a
 * console may replace its copy by id; a task whose status is no longer {@code OPEN} leaves the queue.
 */
public record CallbackStreamItem(CallbackChange change, List<CallbackTaskView> tasks) {

    public CallbackStreamItem {
        Objects.requireNonNull(change, "change");
        tasks = List.copyOf(tasks);
    }
}
