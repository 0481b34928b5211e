package com.hotlineops.contract.callback;

/**
 * What happened to callback tasks, on the {@code callbacks.tasks} stream: first a {@code SNAPSHOT} of the open tasks,
 * then one item per change. {@code CLOSED} covers every way a task closes (reached, the caller got through by
 * themselves, three failed attempts); the task's status says which.
 */
public enum CallbackChange {
    SNAPSHOT,
    CREATED,
    MERGED,
    CLAIMED,
    ATTEMPT,
    CLOSED
}
