package com.hotlineops.contract.shift;

import java.util.List;

/** "My shift": the director's current and upcoming shifts and the tickets they took, newest first. */
public record MyShift(List<Shift> onShiftNow, List<Shift> upcoming, List<DirectorTicket> tickets) {

    public MyShift {
        onShiftNow = List.copyOf(onShiftNow);
        upcoming = List.copyOf(upcoming);
        tickets = List.copyOf(tickets);
    }
}
