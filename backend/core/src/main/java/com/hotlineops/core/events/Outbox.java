package com.hotlineops.core.events;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox. Call it inside the transaction of the change it describes: the event is then
 * published if and only if the change commits. The payload is stored as the JSON text written here and relayed as
 * it is; PostgreSQL neither parses nor reformats it (decision 0042).
 */
@Component
public class Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;

    Outbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Void> append(Topic topic, Object payload) {
        return db.sql("insert into outbox (topic, payload) values (:topic, :payload)")
                .bind("topic", topic.name())
                .bind("payload", json.writeValueAsString(payload))
                .then();
    }

    /**
     * How far the relay is behind, read from the table (a stuck relay reports nothing itself): the entries waiting,
     * counted up to {@code countUpTo} so that a large backlog costs no more than that, and the age of the oldest by
     * PostgreSQL's own clock (the clock that stamped it, so no skew between hosts enters the figure). Two index reads;
     * meant for a timer, not for every scrape (decision 0030).
     */
    public Mono<OutboxBacklog> backlog(int countUpTo) {
        return db.sql("""
                        select (select count(*) from (select 1 from outbox limit :cap) waiting) as pending,
                               coalesce(extract(epoch from clock_timestamp()
                                        - (select created_at from outbox order by id limit 1)), 0)::float8 as oldest""")
                .bind("cap", countUpTo)
                .map(row -> new OutboxBacklog(row.get("pending", Long.class), row.get("oldest", Double.class)))
                .one();
    }
}
