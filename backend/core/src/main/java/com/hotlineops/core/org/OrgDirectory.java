package com.hotlineops.core.org;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the organisation tree. */
@Component
public class OrgDirectory {

    private final DatabaseClient db;

    OrgDirectory(DatabaseClient db) {
        this.db = db;
    }

    public Mono<OrgUnit> find(UUID id) {
        return db.sql("select id, parent_id, kind, code, name from org_unit where id = :id").bind("id", id)
                .map(OrgDirectory::read).one();
    }

    public Mono<OrgUnit> findByCode(String code) {
        return db.sql("select id, parent_id, kind, code, name from org_unit where code = :code").bind("code", code)
                .map(OrgDirectory::read).one();
    }

    public Flux<OrgUnit> all() {
        return db.sql("select id, parent_id, kind, code, name from org_unit order by code")
                .map(OrgDirectory::read).all();
    }

    private static OrgUnit read(Readable row) {
        return new OrgUnit(row.get("id", UUID.class), row.get("parent_id", UUID.class),
                OrgUnit.Kind.valueOf(row.get("kind", String.class)), row.get("code", String.class),
                row.get("name", String.class));
    }
}
