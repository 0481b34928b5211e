package com.hotlineops.mobile.ticket;

import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** The tickets on a worker's list right now ({@link WorkerList}), most urgent first. */
@Service
public class WorkerTickets {

    private final TicketService tickets;

    WorkerTickets(TicketService tickets) {
        this.tickets = tickets;
    }

    public Flux<TicketView> current(Actor worker) {
        return tickets.openForWorker(worker).filter(t -> WorkerList.contains(t, worker));
    }
}
