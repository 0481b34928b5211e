package com.hotlineops.core.open311;

import com.hotlineops.contract.category.Category;
import com.hotlineops.core.category.CategoryTree;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The services Open311 offers: the categories of the shipped category tree (not its top-level domains, which are
 * their groups), with the extra attributes some have ({@code open311_service_attribute}), and one more service,
 * {@value #EMERGENCY_SERVICE}, for matters sent to 110/119/120/122 (DESIGN.md §2.1), which are not tickets.
 */
@Component
public class Open311Catalogue {

    /** The service whose requests are emergencies sent to 110/119/120/122, recorded as TRANSFERRED_EMERGENCY. */
    public static final String EMERGENCY_SERVICE = "EMERGENCY";
    /** Its attribute naming the number the matter was sent to. */
    public static final String EMERGENCY_NUMBER_ATTRIBUTE = "NUMBER";
    static final ServiceType EMERGENCY = new ServiceType(EMERGENCY_SERVICE, "紧急事项转警",
            "已转 110（公安）、119（消防）、120（急救）或 122（交通事故）的紧急事项，不作为工单办理 (Emergency transferred to "
                    + "110/119/120/122; not a service request)", "紧急,报警,火警,急救", "紧急求助", """
            [{"variable": true, "code": "NUMBER", "datatype": "singlevaluelist", "required": true,
              "datatype_description": null, "order": 1, "description": "已转的紧急号码",
              "values": [{"key": "110", "name": "110 公安"}, {"key": "119", "name": "119 消防"},
                         {"key": "120", "name": "120 急救"}, {"key": "122", "name": "122 交通事故"}]}]""");

    private final CategoryTree tree;
    private final DatabaseClient db;

    Open311Catalogue(CategoryTree tree, DatabaseClient db) {
        this.tree = tree;
        this.db = db;
    }

    public Flux<ServiceType> services() {
        return attributes().flatMapMany(attributes -> Flux.fromIterable(tree.all())
                .filter(c -> !c.topLevel())
                .map(c -> service(c, attributes.get(c.code())))
                .concatWithValues(EMERGENCY));
    }

    /** The service, or {@link UnknownServiceException}. */
    public Mono<ServiceType> service(String code) {
        if (EMERGENCY_SERVICE.equals(code)) {
            return Mono.just(EMERGENCY);
        }
        return Mono.justOrEmpty(tree.find(code)).filter(c -> !c.topLevel())
                .switchIfEmpty(Mono.error(() -> new UnknownServiceException(code)))
                .flatMap(c -> db.sql("select attributes::text as a from open311_service_attribute where category_code = :c")
                        .bind("c", c.code()).map(r -> r.get("a", String.class)).one()
                        .defaultIfEmpty("[]")
                        .map(a -> service(c, a)));
    }

    /** The service's name, for a code that may no longer be in the tree. */
    String name(String code) {
        if (EMERGENCY_SERVICE.equals(code)) {
            return EMERGENCY.name();
        }
        return tree.find(code).map(Category::name).orElse(code);
    }

    private Mono<Map<String, String>> attributes() {
        return db.sql("select category_code, attributes::text as a from open311_service_attribute")
                .map(r -> Map.entry(r.get("category_code", String.class), r.get("a", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private ServiceType service(Category c, String attributes) {
        String group = tree.find(c.parentCode()).map(Category::name).orElse(null);
        return new ServiceType(c.code(), c.name(), c.nameEn(), null, group, attributes == null ? "[]" : attributes);
    }
}
