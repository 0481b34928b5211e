package com.hotlineops.dashboard.console.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.callback.CallbackChange;
import com.hotlineops.contract.callback.CallbackStatus;
import com.hotlineops.contract.callback.CallbackStreamItem;
import com.hotlineops.contract.callback.CallbackTaskView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback queue's open tasks as the view keeps them from a snapshot and the changes after it. */
class CallbackTasksTests {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private static CallbackTaskView task(String id, int dueMinutes, String claimedBy, CallbackStatus status,
            long version) {
        return new CallbackTaskView(id, "139****0000", null, CallQueue.GENERAL, T0, T0,
                T0.plusSeconds(60L * dueMinutes), false, status, 1, 0, claimedBy, null, version);
    }

    private static CallbackStreamItem item(CallbackChange change, CallbackTaskView... tasks) {
        return new CallbackStreamItem(change, List.of(tasks));
    }

    private static List<String> ids(CallbackTasks tasks) {
        return tasks.open().stream().map(CallbackTaskView::id).toList();
    }

    @Test
    void snapshotAndChangesThenOpenTasksDueFirstAndClosedOnesGone() {
        CallbackTasks tasks = new CallbackTasks();
        tasks.apply(item(CallbackChange.SNAPSHOT, task("b", 30, null, CallbackStatus.OPEN, 1),
                task("a", 20, null, CallbackStatus.OPEN, 4)));
        tasks.apply(item(CallbackChange.CREATED, task("c", 10, null, CallbackStatus.OPEN, 1)));
        tasks.apply(item(CallbackChange.CREATED, task("d", 30, null, CallbackStatus.OPEN, 1)));
        assertThat(ids(tasks)).containsExactly("c", "a", "b", "d");

        tasks.apply(item(CallbackChange.CLOSED, task("a", 20, null, CallbackStatus.CALLER_REACHED_US, 5)));

        assertThat(ids(tasks)).containsExactly("c", "b", "d");
    }

    @Test
    void copyNotNewerThanTheKnownOneThenIgnoredEvenAfterTheTaskClosed() {
        CallbackTasks tasks = new CallbackTasks();
        tasks.apply(item(CallbackChange.SNAPSHOT, task("a", 20, "agent1", CallbackStatus.OPEN, 3)));

        tasks.apply(task("a", 20, null, CallbackStatus.OPEN, 2));
        assertThat(tasks.get("a")).get().extracting(CallbackTaskView::claimedBy).isEqualTo("agent1");

        tasks.apply(task("a", 20, null, CallbackStatus.REACHED, 4));
        tasks.apply(task("a", 20, "agent1", CallbackStatus.OPEN, 3));
        assertThat(ids(tasks)).isEmpty();
    }

    @Test
    void newSnapshotThenReplacesEverythingKnownBefore() {
        CallbackTasks tasks = new CallbackTasks();
        tasks.apply(item(CallbackChange.SNAPSHOT, task("a", 20, null, CallbackStatus.OPEN, 7),
                task("b", 30, null, CallbackStatus.OPEN, 1)));

        tasks.apply(item(CallbackChange.SNAPSHOT, task("a", 20, null, CallbackStatus.OPEN, 7)));

        assertThat(ids(tasks)).containsExactly("a");
    }

    @Test
    void heldTaskThenHeldUntilANewerCopyIsClaimedByAnotherOrByNobodyOrItCloses() {
        CallbackTasks tasks = new CallbackTasks();
        CallbackTaskView mine = task("a", 20, "supervisor1", CallbackStatus.OPEN, 2);
        tasks.apply(item(CallbackChange.SNAPSHOT, task("a", 20, null, CallbackStatus.OPEN, 2)));
        assertThat(tasks.stillHeld(mine, "supervisor1")).as("no newer copy than the claim's answer").isTrue();

        tasks.apply(task("a", 20, "supervisor1", CallbackStatus.OPEN, 3));
        assertThat(tasks.stillHeld(mine, "supervisor1")).isTrue();

        tasks.apply(task("a", 20, "agent1", CallbackStatus.OPEN, 4));
        assertThat(tasks.stillHeld(mine, "supervisor1")).isFalse();

        CallbackTasks closed = new CallbackTasks();
        closed.apply(item(CallbackChange.SNAPSHOT, mine));
        closed.apply(task("a", 20, "supervisor1", CallbackStatus.REACHED, 3));
        assertThat(closed.stillHeld(mine, "supervisor1")).isFalse();
    }

    @Test
    void dueTimesThenTheNextOneAfterAnInstant() {
        CallbackTasks tasks = new CallbackTasks();
        tasks.apply(item(CallbackChange.SNAPSHOT, task("a", 10, null, CallbackStatus.OPEN, 1),
                task("b", 40, null, CallbackStatus.OPEN, 1), task("c", 25, null, CallbackStatus.OPEN, 1)));

        assertThat(tasks.nextDueAfter(T0.plusSeconds(60 * 15))).contains(T0.plusSeconds(60 * 25));
        assertThat(tasks.nextDueAfter(T0.plusSeconds(60 * 40))).isEmpty();
    }
}
