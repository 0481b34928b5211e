package com.hotlineops.core.events;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox. Call it inside the transaction of the change it describes: the event is then
 * published if and only if the change commits.
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
                .bind("payload", Json.of(json.writeValueAsString(payload)))
                .then();
    }
}
