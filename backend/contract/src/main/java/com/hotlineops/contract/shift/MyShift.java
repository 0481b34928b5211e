package com.hotlineops.contract.shift;

import java.util.List;

/**
 * "My shift": the director's current and upcoming shifts, the tickets they took and the calls they answered on shift,
 * newest first.
 */
public record MyShift(List<Shift> onShiftNow, List<Shift> upcoming, List<DirectorTicket> tickets,
        List<DirectorCall> calls) {

    public MyShift {
        onShiftNow = List.copyOf(onShiftNow);
        upcoming = List.copyOf(upcoming);
        tickets = List.copyOf(tickets);
        calls = List.copyOf(calls);
    }
}
