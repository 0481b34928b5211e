package com.hotlineops.core.partner;

import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.core.ticket.TicketService;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Intake on behalf of a partner system (DESIGN.md §2.1): only on the partner's own channels, idempotent on
 * {@code (channel, externalId)} like every intake, and an emergency reported with its number is recorded as
 * TRANSFERRED_EMERGENCY in the same call. A repeat answers the first ticket only to the partner that created it.
 */
@Service
public class PartnerIntake {

    private final TicketService tickets;
    private final DatabaseClient db;

    PartnerIntake(TicketService tickets, DatabaseClient db) {
        this.tickets = tickets;
        this.db = db;
    }

    /** @param emergencyNumber 110, 119, 120 or 122 when the matter was sent there; null for an ordinary request */
    public Mono<IntakeResult> submit(Partner partner, IntakeRequest request, String emergencyNumber) {
        return Mono.defer(() -> {
            if (request != null && request.channel() != null && !partner.mayUse(request.channel())) {
                return Mono.error(new ChannelNotAllowedException(partner.name(), request.channel(),
                        partner.channels()));
            }
            Mono<IntakeResult> intake = emergencyNumber == null || emergencyNumber.isBlank()
                    ? tickets.intake(request, partner.actor())
                    : tickets.intakeEmergency(request, emergencyNumber, partner.actor());
            return intake.flatMap(result -> result.created() ? Mono.just(result)
                    : creatorOf(result.ticket().id())
                            .filter(partner.actor().username()::equals)
                            .map(same -> result)
                            .switchIfEmpty(Mono.error(() -> new ExternalIdTakenException(request.channel(),
                                    request.externalId()))));
        });
    }

    /** Who created the ticket: the actor of its first event. */
    Mono<String> creatorOf(UUID ticketId) {
        return db.sql("select actor from ticket_event where ticket_id = :id and version = 1").bind("id", ticketId)
                .map(r -> r.get("actor", String.class)).one();
    }
}
