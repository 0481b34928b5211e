package com.hotlineops.contract.ticket;

import java.util.List;
import java.util.Objects;

/**
 * One item of the RSocket stream {@code desk.changes.<DESK>}: first {@code OPENED} (no changes: from here on every
 * change of the desk's queue follows, so a console reads its queue now), then {@code CHANGED} with the tickets that
 * entered, left or changed within it.
 */
public record DeskStreamItem(Kind kind, List<DeskTicketChange> changes) {

    /** Whether the item opens the stream or reports changes. */
    public enum Kind {
        OPENED,
        CHANGED
    }

    public DeskStreamItem {
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
    }

    public static DeskStreamItem opened() {
        return new DeskStreamItem(Kind.OPENED, List.of());
    }

    public static DeskStreamItem changed(DeskTicketChange change) {
        return new DeskStreamItem(Kind.CHANGED, List.of(change));
    }
}
