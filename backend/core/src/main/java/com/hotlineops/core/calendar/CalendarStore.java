package com.hotlineops.core.calendar;

import com.hotlineops.contract.calendar.DaySource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code calendar_day}. Callers own the transaction. */
@Component
class CalendarStore {

    /** A stored date; {@code officialWorking} is what the official list says, null when the date is not listed. */
    record Row(LocalDate day, boolean working, String name, DaySource source, Boolean officialWorking) {
    }

    private final DatabaseClient db;

    CalendarStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Writes the shipped list: new dates are inserted, official dates follow the file, edited dates keep the edit but
     * learn the official value. Safe to run from several instances at once (one statement, dates in order).
     */
    Mono<Long> seed(List<OfficialDays.Listed> days, Instant at) {
        if (days.isEmpty()) {
            return Mono.just(0L);
        }
        String[] dates = days.stream().map(d -> d.date().toString()).toArray(String[]::new);
        String[] working = days.stream().map(d -> Boolean.toString(d.working())).toArray(String[]::new);
        String[] names = days.stream().map(d -> d.name() == null ? "" : d.name()).toArray(String[]::new);
        return db.sql("""
                        insert into calendar_day (day, working, name, source, official_working, official_name, updated_at)
                        select d::date, w::boolean, nullif(n, ''), 'OFFICIAL', w::boolean, nullif(n, ''), :at
                          from unnest(cast(:dates as text[]), cast(:working as text[]), cast(:names as text[])) as u(d, w, n)
                         order by d
                        on conflict (day) do update
                           set official_working = excluded.official_working,
                               official_name = excluded.official_name,
                               working = case when calendar_day.source = 'OFFICIAL' then excluded.working
                                              else calendar_day.working end,
                               name = case when calendar_day.source = 'OFFICIAL' then excluded.name
                                           else calendar_day.name end""")
                .bind("dates", dates).bind("working", working).bind("names", names)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    Flux<Row> all() {
        return db.sql("select day, working, name, source, official_working from calendar_day order by day")
                .map(r -> new Row(r.get("day", LocalDate.class), Boolean.TRUE.equals(r.get("working", Boolean.class)),
                        r.get("name", String.class), DaySource.valueOf(r.get("source", String.class)),
                        r.get("official_working", Boolean.class)))
                .all();
    }

    /** Serialises calendar edits cluster-wide for the rest of the transaction. */
    Mono<Void> lockForEdit() {
        return db.sql("select pg_advisory_xact_lock(hashtext('hotline.calendar_day'))").then();
    }

    Mono<Void> edit(LocalDate day, boolean working, String name, String actor, Instant at) {
        var spec = db.sql("""
                        insert into calendar_day (day, working, name, source, updated_by, updated_at)
                        values (:day, :working, :name, 'EDITED', :actor, :at)
                        on conflict (day) do update
                           set working = excluded.working, name = coalesce(excluded.name, calendar_day.name),
                               source = 'EDITED', updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .bind("day", day).bind("working", working).bind("actor", actor).bind("at", at.atOffset(ZoneOffset.UTC));
        spec = name == null ? spec.bindNull("name", String.class) : spec.bind("name", name);
        return spec.then();
    }

    /** Undoes an edit: back to the official value, or no row at all for a date the list does not name. */
    Mono<Void> revert(LocalDate day, String actor, Instant at) {
        return db.sql("delete from calendar_day where day = :day and official_working is null")
                .bind("day", day).then()
                .then(db.sql("""
                                update calendar_day set working = official_working, name = official_name,
                                       source = 'OFFICIAL', updated_by = :actor, updated_at = :at
                                 where day = :day and source = 'EDITED'""")
                        .bind("day", day).bind("actor", actor).bind("at", at.atOffset(ZoneOffset.UTC)).then());
    }
}
