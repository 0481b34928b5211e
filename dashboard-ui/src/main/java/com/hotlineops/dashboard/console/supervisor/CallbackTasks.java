package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The open callback tasks as the queue view shows them, oldest due first (as {@code GET /api/v1/callbacks?open=true}
 * lists them), kept from the {@code callbacks.tasks} stream: a snapshot replaces them all, a change replaces its task
 * when it is newer than the copy known (a task's {@code version} only grows), and a task no longer {@code OPEN}
 * leaves. The answers to the user's own claim and attempt go the same way, so they show at once and an older copy
 * arriving later cannot undo them. Used on the UI thread only.
 */
final class CallbackTasks {

    private static final Comparator<CallbackTaskView> DUE_FIRST = Comparator
            .comparing(CallbackTaskView::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CallbackTaskView::id);

    private final Map<String, CallbackTaskView> open = new HashMap<>();
    /** The newest version seen of every task since the last snapshot, closed ones included. */
    private final Map<String, Long> versions = new HashMap<>();

    void apply(CallbackStreamItem item) {
        if (item.change() == CallbackChange.SNAPSHOT) {
            open.clear();
            versions.clear();
        }
        item.tasks().forEach(this::apply);
    }

    /** Takes {@code task} as it now is, unless a copy as new or newer is known already. */
    void apply(CallbackTaskView task) {
        Long known = versions.get(task.id());
        if (known != null && known >= task.version()) {
            return;
        }
        versions.put(task.id(), task.version());
        if (task.status() == CallbackStatus.OPEN) {
            open.put(task.id(), task);
        } else {
            open.remove(task.id());
        }
    }

    List<CallbackTaskView> open() {
        return open.values().stream().sorted(DUE_FIRST).toList();
    }

    Optional<CallbackTaskView> get(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /**
     * Whether {@code held}, as its claim answered, is still {@code username}'s: no longer open, or a newer copy claimed
     * by someone else (the claim lapsed and was taken) or by nobody (its attempt recorded), says no.
     */
    boolean stillHeld(CallbackTaskView held, String username) {
        CallbackTaskView now = open.get(held.id());
        return now != null && (now.version() <= held.version() || Objects.equals(username, now.claimedBy()));
    }

    /** The first due time after {@code after} among the open tasks: when the overdue count changes next by itself. */
    Optional<Instant> nextDueAfter(Instant after) {
        return open.values().stream().map(CallbackTaskView::dueAt).filter(due -> due != null && due.isAfter(after))
                .min(Comparator.naturalOrder());
    }
}
