package com.hotlineops.core.calendar;

import com.hotlineops.contract.calendar.CalendarDay;
import com.hotlineops.contract.calendar.CalendarYear;
import com.hotlineops.contract.calendar.DayEdit;
import com.hotlineops.contract.calendar.DayEditResult;
import com.hotlineops.contract.calendar.DaySource;
import com.hotlineops.contract.calendar.DueTime;
import com.hotlineops.contract.calendar.DurationUnit;
import com.hotlineops.core.events.Outbox;
import com.hotlineops.core.events.Topic;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.sla.WorkingCalendar;
import com.hotlineops.core.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The calendar of DESIGN.md §2.3 as data. At start it seeds the shipped official lists into {@code calendar_day}
 * (idempotent) and loads the table into the {@link WorkingCalendar}; an administrator's edit changes one date and, in
 * the same transaction, moves the deadlines of open tickets (each with its ticket event) and publishes the change so
 * that other instances reload.
 */
@Service
public class CalendarService implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    /** Limits of the public clock endpoint, so one request cannot walk the calendar for ever. */
    static final long MAX_WORKING_DAYS = 1_000;
    static final long MAX_HOURS = 24 * MAX_WORKING_DAYS;
    static final long MAX_DAYS_LISTED = 400;

    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final TicketService tickets;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Set.of());

    /** The loaded table: stored rows by date and the years that have an official list. */
    private record Snapshot(Map<LocalDate, CalendarStore.Row> rows, Set<Integer> officialYears) {
    }

    CalendarService(CalendarStore store, WorkingCalendar calendar, TicketService tickets, Outbox outbox,
            TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.tickets = tickets;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** Bootstrap: the clock must be right before the first command is served, so this blocks once. */
    @Override
    public void afterSingletonsInstantiated() {
        List<OfficialDays.Listed> official = OfficialDays.load();
        store.seed(official, clock.instant()).then(reload()).block(Duration.ofSeconds(30));
        log.info("Working calendar loaded: official lists for {}, Monday–Friday fallback for other years",
                snapshot.officialYears());
    }

    /** Reads the table again into the working calendar; after an edit here or on another instance. */
    public Mono<Void> reload() {
        return store.all().collectList().doOnNext(this::install).then();
    }

    private void install(List<CalendarStore.Row> rows) {
        Map<LocalDate, CalendarStore.Row> byDay = new HashMap<>();
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (CalendarStore.Row r : rows) {
            byDay.put(r.day(), r);
            exceptions.put(r.day(), r.working());
            if (r.officialWorking() != null) {
                years.add(r.day().getYear());
            }
        }
        snapshot = new Snapshot(Map.copyOf(byDay), Collections.unmodifiableSortedSet(years));
        calendar.setExceptions(exceptions);
    }

    /** The clock of DESIGN.md §2.3 from outside: {@code amount} of {@code unit} after {@code start}. */
    public DueTime add(Instant start, long amount, DurationUnit unit) {
        if (start == null || unit == null) {
            throw new IllegalArgumentException("start and unit are required");
        }
        long max = unit == DurationUnit.WORKING_DAYS ? MAX_WORKING_DAYS : MAX_HOURS;
        if (amount < 0 || amount > max) {
            throw new IllegalArgumentException("amount must be between 0 and " + max + " for " + unit);
        }
        return new DueTime(start, calendar.add(start, amount, unit));
    }

    /** Each date of {@code [from, to]} with whether it is a working day and where that comes from. */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("from and to are required, from ≤ to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS_LISTED) {
            throw new IllegalArgumentException("at most " + MAX_DAYS_LISTED + " days per request");
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(d));
        }
        return days;
    }

    public CalendarDay day(LocalDate date) {
        Snapshot s = snapshot;
        CalendarStore.Row row = s.rows().get(date);
        DaySource source = row != null && row.source() == DaySource.EDITED ? DaySource.EDITED
                : s.officialYears().contains(date.getYear()) ? DaySource.OFFICIAL : DaySource.FALLBACK;
        return new CalendarDay(date, calendar.isWorkingDay(date), row == null ? null : row.name(), source);
    }

    /**
     * The years from the first official list to the year after the later of the last list and today, each saying
     * whether it has an official list or falls back to Monday–Friday.
     */
    public List<CalendarYear> years() {
        Snapshot s = snapshot;
        int thisYear = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        int first = s.officialYears().stream().min(Integer::compare).orElse(thisYear);
        int last = Math.max(thisYear, s.officialYears().stream().max(Integer::compare).orElse(thisYear)) + 1;
        Map<Integer, Long> listed = s.rows().values().stream().filter(r -> r.officialWorking() != null)
                .collect(Collectors.groupingBy(r -> r.day().getYear(), Collectors.counting()));
        Map<Integer, Long> edited = s.rows().values().stream().filter(r -> r.source() == DaySource.EDITED)
                .collect(Collectors.groupingBy(r -> r.day().getYear(), Collectors.counting()));
        List<CalendarYear> years = new ArrayList<>();
        for (int y = Math.min(first, thisYear); y <= last; y++) {
            years.add(new CalendarYear(y, s.officialYears().contains(y) ? DaySource.OFFICIAL : DaySource.FALLBACK,
                    listed.getOrDefault(y, 0L).intValue(), edited.getOrDefault(y, 0L).intValue()));
        }
        return years;
    }

    /** This year and the next that have no official list: what the health endpoint warns about. */
    public List<Integer> fallbackYearsAhead() {
        int thisYear = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        return List.of(thisYear, thisYear + 1).stream().filter(y -> !snapshot.officialYears().contains(y)).toList();
    }

    /** In ascending order. */
    public Set<Integer> officialYears() {
        return snapshot.officialYears();
    }

    /**
     * Sets one date by hand (ADMIN). Repeating the same edit changes nothing further (no deadline moves twice).
     */
    public Mono<DayEditResult> edit(LocalDate date, DayEdit edit, Actor actor) {
        return Mono.defer(() -> {
            requireAdmin(actor);
            validateDate(date);
            if (edit == null || edit.working() == null) {
                throw new IllegalArgumentException("working is required");
            }
            String name = edit.name() == null || edit.name().isBlank() ? null : edit.name().strip();
            if (name != null && name.length() > 50) {
                throw new IllegalArgumentException("name is at most 50 characters");
            }
            return change(date, actor, "calendar: " + date + " set to " + (edit.working() ? "working" : "day off"),
                    store.edit(date, edit.working(), name, actor.username(), clock.instant()));
        });
    }

    /** Undoes an edit (ADMIN): the date follows the official list, or Monday–Friday, again. */
    public Mono<DayEditResult> revert(LocalDate date, Actor actor) {
        return Mono.defer(() -> {
            requireAdmin(actor);
            validateDate(date);
            return change(date, actor, "calendar: " + date + " edit undone",
                    store.revert(date, actor.username(), clock.instant()));
        });
    }

    private Mono<DayEditResult> change(LocalDate date, Actor actor, String reason, Mono<Void> write) {
        Mono<DayEditResult> inTx = store.lockForEdit()
                .then(write)
                .then(reload())
                .then(tickets.recomputeDeadlines(actor, reason))
                .flatMap(moved -> {
                    CalendarDay day = day(date);
                    return outbox.append(Topic.CALENDAR, day).thenReturn(new DayEditResult(day, moved));
                });
        // A rolled-back edit must not stay in memory: read the table as it is.
        return tx.transactional(inTx).onErrorResume(e -> reload().then(Mono.error(e)));
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an administrator may edit the calendar");
        }
    }

    private static void validateDate(LocalDate date) {
        if (date == null || date.getYear() < 2000 || date.getYear() > 2100) {
            throw new IllegalArgumentException("date must be between 2000-01-01 and 2100-12-31");
        }
    }
}
