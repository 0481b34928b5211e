package com.hotlineops.core.shift;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.shift.DirectorTicket;
import com.hotlineops.contract.shift.MyShift;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.shift.ShiftRequest;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.security.UserDirectory;
import com.hotlineops.core.sla.SlaStates;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shift schedule (CRUD for supervisors) and "my shift" for directors. Creating or moving a shift tags the calls
 * already stored that its director answered in it ({@link DirectorCalls}). Bad input is {@link IllegalArgumentException};
 * an unknown shift {@link NoSuchElementException}. A PUT replaces the whole shift, so repeating it changes nothing.
 */
@Service
public class ShiftService {

    static final Duration MAX_SHIFT = Duration.ofHours(24);

    private static final String SELECT = """
            select s.id, s.director_id, u.display_name, s.unit_id, s.starts_at, s.ends_at, s.seat
              from director_shift s join app_user u on u.id = s.director_id""";

    private final DatabaseClient db;
    private final UserDirectory users;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DirectorCalls calls;

    ShiftService(DatabaseClient db, UserDirectory users, TransactionalOperator tx, Clock clock, DirectorCalls calls) {
        this.db = db;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
        this.calls = calls;
    }

    public Mono<Shift> create(ShiftRequest request, Actor actor) {
        UUID id = UUID.randomUUID();
        return validate(request).then(tx.transactional(lock(request.directorId())
                .then(requireNoOverlap(request, null))
                .then(bind(db.sql("""
                                insert into director_shift (id, director_id, unit_id, starts_at, ends_at, seat,
                                                            created_by, created_at)
                                values (:id, :director, :unit, :starts, :ends, :seat, :by, :at)"""), request)
                        .bind("id", id).bind("by", actor.username()).bind("at", utc(clock.instant())).then())
                .then(calls.retag(id))
                .then(find(id))));
    }

    public Mono<Shift> replace(UUID id, ShiftRequest request) {
        return validate(request).then(tx.transactional(find(id)
                .then(lock(request.directorId()))
                .then(requireNoOverlap(request, id))
                .then(bind(db.sql("""
                                update director_shift set director_id = :director, unit_id = :unit,
                                       starts_at = :starts, ends_at = :ends, seat = :seat where id = :id"""), request)
                        .bind("id", id).then())
                .then(calls.retag(id))
                .then(find(id))));
    }

    /** Idempotent: deleting a shift that is gone answers nothing deleted. */
    public Mono<Boolean> delete(UUID id) {
        return db.sql("delete from director_shift where id = :id").bind("id", id).fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    public Mono<Shift> find(UUID id) {
        return db.sql(SELECT + " where s.id = :id").bind("id", id).map(ShiftService::read).one()
                .switchIfEmpty(Mono.error(() -> new NoSuchElementException("Shift " + id + " not found")));
    }

    /** Shifts overlapping {@code [from, to)}, at most 31 days. */
    public Flux<Shift> between(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).toDays() > 31) {
            return Flux.error(new IllegalArgumentException("from < to, at most 31 days apart, are required"));
        }
        return db.sql(SELECT + " where s.starts_at < :to and s.ends_at > :from order by s.starts_at")
                .bind("from", utc(from)).bind("to", utc(to)).map(ShiftService::read).all();
    }

    /** The enabled users with the DIRECTOR role, by name: who the schedule editor may pick for a shift. */
    public Flux<ShiftDirector> directors() {
        return db.sql("""
                        select id, display_name from app_user
                         where enabled and :role = any(roles)
                         order by display_name, id""")
                .bind("role", Role.DIRECTOR.name())
                .map(r -> new ShiftDirector(r.get("id", UUID.class), r.get("display_name", String.class))).all();
    }

    /**
     * The director's page: shifts now and in the next 7 days, the tickets they took and the calls they answered on
     * shift (newest 200 of each).
     */
    public Mono<MyShift> mine(Actor director) {
        Instant now = clock.instant();
        Flux<Shift> shifts = db.sql(SELECT + " " + """
                         where s.director_id = :me and s.ends_at > :now and s.starts_at < :week
                         order by s.starts_at""")
                .bind("me", director.userId()).bind("now", utc(now)).bind("week", utc(now.plus(Duration.ofDays(7))))
                .map(ShiftService::read).all();
        Flux<DirectorTicket> tickets = db.sql("""
                        select t.id, t.number, t.title, t.status, t.created_at, t.finish_due,
                               c.due_at, c.at_risk_at, c.stopped_at, c.ticket_id as clock
                          from ticket t
                          left join ticket_sla_clock c on c.ticket_id = t.id and c.clock = 'FINISH'
                         where t.taken_by_director = :me
                         order by t.created_at desc limit 200""")
                .bind("me", director.userId())
                .map(r -> new DirectorTicket(r.get("id", UUID.class), r.get("number", String.class),
                        r.get("title", String.class), TicketStatus.valueOf(r.get("status", String.class)),
                        instant(r, "created_at"), instant(r, "finish_due"),
                        r.get("clock", UUID.class) == null ? null : SlaStates.of(instant(r, "due_at"),
                                instant(r, "at_risk_at"), instant(r, "stopped_at"), now)))
                .all();
        return Mono.zip(shifts.collectList(), tickets.collectList(), calls.recent(director.userId()))
                .map(t -> new MyShift(t.getT1().stream().filter(s -> !s.startsAt().isAfter(now)).toList(),
                        t.getT1().stream().filter(s -> s.startsAt().isAfter(now)).toList(), t.getT2(), t.getT3()));
    }

    private Mono<Void> validate(ShiftRequest r) {
        if (r == null || r.directorId() == null || r.startsAt() == null || r.endsAt() == null) {
            return Mono.error(new IllegalArgumentException("directorId, startsAt and endsAt are required"));
        }
        if (!r.endsAt().isAfter(r.startsAt()) || Duration.between(r.startsAt(), r.endsAt()).compareTo(MAX_SHIFT) > 0) {
            return Mono.error(new IllegalArgumentException("endsAt must be after startsAt, at most 24 h later"));
        }
        if (r.seat() != null && r.seat().length() > 20) {
            return Mono.error(new IllegalArgumentException("seat is at most 20 characters"));
        }
        return users.findById(r.directorId())
                .filter(u -> u.roles().contains(Role.DIRECTOR))
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                        "directorId must name a user with the DIRECTOR role")))
                .then();
    }

    /** Serialises schedule changes of one director, so two overlapping shifts cannot both be written. */
    private Mono<Void> lock(UUID director) {
        return db.sql("select pg_advisory_xact_lock(hashtext('hotline.shift.' || :director))")
                .bind("director", director.toString()).then();
    }

    private Mono<Void> requireNoOverlap(ShiftRequest r, UUID except) {
        return db.sql("""
                        select count(*) as n from director_shift
                         where director_id = :director and starts_at < :ends and ends_at > :starts
                           and id <> :except""")
                .bind("director", r.directorId()).bind("starts", utc(r.startsAt())).bind("ends", utc(r.endsAt()))
                .bind("except", except == null ? new UUID(0, 0) : except)
                .map(row -> row.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.error(new IllegalArgumentException(
                        "the director already has a shift in that time")) : Mono.empty());
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, ShiftRequest r) {
        spec = spec.bind("director", r.directorId()).bind("starts", utc(r.startsAt())).bind("ends", utc(r.endsAt()));
        spec = r.unitId() == null ? spec.bindNull("unit", UUID.class) : spec.bind("unit", r.unitId());
        return r.seat() == null || r.seat().isBlank() ? spec.bindNull("seat", String.class)
                : spec.bind("seat", r.seat().strip());
    }

    private static Shift read(Readable r) {
        return new Shift(r.get("id", UUID.class), r.get("director_id", UUID.class), r.get("display_name", String.class),
                r.get("unit_id", UUID.class), instant(r, "starts_at"), instant(r, "ends_at"), r.get("seat", String.class));
    }
}
