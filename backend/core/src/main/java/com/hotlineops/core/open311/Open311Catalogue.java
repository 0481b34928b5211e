package com.hotlineops.core.open311;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The services Open311 offers: the leaves of the category tree (data in V6), grouped under their parent category.
 * Names are the Chinese ones the hotline uses; the English name follows in the description.
 */
@Component
public class Open311Catalogue {

    /** The service whose requests are emergencies sent to 110/119/120/122 (DESIGN.md §2.1), not tickets. */
    public static final String EMERGENCY_SERVICE = "EMERGENCY-TRANSFER";
    /** Its attribute naming the number the matter was sent to. */
    public static final String EMERGENCY_NUMBER_ATTRIBUTE = "NUMBER";

    private static final String SELECT = """
            select c.code, c.name, c.name_en, c.description, c.keywords, c.attributes::text as attributes,
                   g.name as group_name
              from category c join category g on g.code = c.parent_code""";

    private final DatabaseClient db;

    Open311Catalogue(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ServiceType> services() {
        return db.sql(SELECT + " order by g.sort_order, c.sort_order").map(Open311Catalogue::read).all();
    }

    /** The service, or {@link UnknownServiceException}. */
    public Mono<ServiceType> service(String code) {
        return db.sql(SELECT + " where c.code = :code").bind("code", code == null ? "" : code)
                .map(Open311Catalogue::read).one()
                .switchIfEmpty(Mono.error(() -> new UnknownServiceException(code)));
    }

    private static ServiceType read(Readable r) {
        String description = r.get("description", String.class);
        String english = r.get("name_en", String.class);
        return new ServiceType(r.get("code", String.class), r.get("name", String.class),
                description == null ? english : description + " (" + english + ")", r.get("keywords", String.class),
                r.get("group_name", String.class), r.get("attributes", String.class));
    }
}
