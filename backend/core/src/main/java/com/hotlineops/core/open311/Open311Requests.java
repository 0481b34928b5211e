package com.hotlineops.core.open311;

import static com.hotlineops.core.support.Timestamps.instant;
import static com.hotlineops.core.support.Timestamps.utc;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.core.partner.Partner;
import com.hotlineops.core.partner.PartnerIntake;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoReport v2 requests: submitting one as an OPEN311 ticket (through {@link PartnerIntake}, so only partners allowed
 * channel OPEN311, and an emergency in one call) and the public read model of the requests that came in this way.
 */
@Service
public class Open311Requests {

    /** The spec's limits: a search spans at most 90 days and answers at most 1,000 requests. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    public static final int MAX_RESULTS = 1000;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_IDEMPOTENCY_KEY = 64;

    private static final TypeReference<List<Map<String, Object>>> ATTRIBUTES = new TypeReference<>() { };

    private final Open311Catalogue catalogue;
    private final PartnerIntake intake;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;

    Open311Requests(Open311Catalogue catalogue, PartnerIntake intake, DatabaseClient db, TransactionalOperator tx,
            JsonMapper json, Clock clock) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a request from an Open311 client. Idempotent when the client sends an {@code Idempotency-Key} (per
     * partner): the repeat answers the first request. The row of Open311 details is written in the intake's
     * transaction, so a request is public exactly when its ticket exists.
     */
    public Mono<SubmittedRequest> submit(Partner partner, NewServiceRequest r) {
        return Mono.defer(() -> {
            checkShape(r);
            return catalogue.service(r.serviceCode())
                    .onErrorMap(UnknownServiceException.class,
                            e -> new InvalidServiceRequestException(e.getMessage()))
                    .flatMap(service -> {
                        String emergency = checkAttributes(service, r.attributes());
                        UUID token = UUID.randomUUID();
                        String externalId = r.idempotencyKey() == null ? "token/" + token
                                : partner.name() + "/" + r.idempotencyKey();
                        IntakeRequest request = new IntakeRequest(Channel.OPEN311, externalId, citizen(r),
                                service.name(), r.description() == null || r.description().isBlank() ? service.name()
                                        : r.description().strip(),
                                emergency == null ? service.code() : null, location(r), null, null);
                        return tx.transactional(intake.submit(partner, request, emergency)
                                .flatMap(result -> (result.created()
                                        ? saveDetails(result.ticket().id(), token, partner, service.code(), r)
                                        : Mono.<Void>empty())
                                        .then(tokenOf(result.ticket().id()))
                                        .map(t -> new SubmittedRequest(result.ticket().number(), t.toString(),
                                                notice(result.ticket().status(), emergency), result.created()))));
                    });
        });
    }

    /** The requests with these ids (ticket numbers) that came in through Open311, in the order asked. */
    public Flux<ServiceRequestView> find(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(SELECT + " where t.number = any(:ids) order by array_position(:ids, t.number)")
                .bind("ids", ids.toArray(String[]::new))
                .map(this::read).all();
    }

    public Flux<ServiceRequestView> search(RequestQuery q) {
        if (!q.ids().isEmpty()) {
            return find(q.ids());
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" where t.created_at >= :from and t.created_at <= :to");
        if (!q.serviceCodes().isEmpty()) {
            sql.append(" and o.service_code = any(:codes)");
        }
        boolean open = q.statuses().contains("open");
        boolean closed = q.statuses().contains("closed");
        if (open != closed) {
            sql.append(open ? " and t.status not in " : " and t.status in ").append(FINAL);
        }
        sql.append(" order by t.created_at desc, t.number desc limit :limit");
        var spec = db.sql(sql.toString()).bind("from", utc(q.from())).bind("to", utc(q.to()))
                .bind("limit", Math.min(q.limit(), MAX_RESULTS));
        if (!q.serviceCodes().isEmpty()) {
            spec = spec.bind("codes", q.serviceCodes().toArray(String[]::new));
        }
        return spec.map(this::read).all();
    }

    /** The service_request_id a token stands for. */
    public Mono<String> requestIdOfToken(UUID token) {
        return db.sql("select t.number from open311_request o join ticket t on t.id = o.ticket_id where o.token = :t")
                .bind("t", token).map(r -> r.get("number", String.class)).one();
    }

    public Instant now() {
        return clock.instant();
    }

    private static final String FINAL = "('CLOSED', 'TRANSFERRED_EMERGENCY', 'MERGED')";

    // Only what a public reader may see: never citizen_name or citizen_phone.
    private static final String SELECT = """
            select t.number, t.status, o.service_code, t.content, u.name as agency,
                   t.created_at, t.updated_at, t.finish_due, t.location, t.emergency_number,
                   parent.number as merged_into, o.lat, o.long, o.address_id, o.media_url
              from ticket t
              join open311_request o on o.ticket_id = t.id
              left join org_unit u on u.id = t.unit_id
              left join ticket parent on parent.id = t.merged_into""";

    private ServiceRequestView read(Readable r) {
        TicketStatus status = TicketStatus.valueOf(r.get("status", String.class));
        return new ServiceRequestView(r.get("number", String.class), status.isOpen() ? "open" : "closed",
                notes(status, r.get("emergency_number", String.class), r.get("merged_into", String.class),
                        r.get("agency", String.class)),
                catalogue.name(r.get("service_code", String.class)), r.get("service_code", String.class),
                r.get("content", String.class), r.get("agency", String.class), instant(r, "created_at"),
                instant(r, "updated_at"), instant(r, "finish_due"), r.get("location", String.class),
                r.get("address_id", String.class), r.get("lat", Double.class), r.get("long", Double.class),
                r.get("media_url", String.class));
    }

    /** Our states, told in a sentence: Open311 itself only knows open and closed. */
    static String notes(TicketStatus status, String emergencyNumber, String mergedInto, String agency) {
        return switch (status) {
            case RECEIVED, PENDING_DISPATCH -> "Received; waiting to be dispatched to the responsible unit.";
            case DISPATCHED -> "Dispatched to " + (agency == null ? "the responsible unit" : agency) + ".";
            case ACCEPTED, RETURN_REQUESTED -> "Being handled by " + (agency == null ? "the responsible unit" : agency)
                    + ".";
            case FEEDBACK_SUBMITTED, PENDING_REVISIT -> "Handled; the result is being reviewed.";
            case CLOSED -> "Closed.";
            case MERGED -> "Duplicate request: merged into " + mergedInto + ".";
            case TRANSFERRED_EMERGENCY -> "Emergency: transferred to " + emergencyNumber
                    + "; not handled as a service request.";
        };
    }

    private static String notice(TicketStatus status, String emergency) {
        return status == TicketStatus.TRANSFERRED_EMERGENCY
                ? "Transferred to " + emergency + ". In an emergency call " + emergency + " directly."
                : "Received by the 12345 hotline; it will be dispatched to the responsible unit.";
    }

    private Mono<Void> saveDetails(UUID ticketId, UUID token, Partner partner, String serviceCode,
            NewServiceRequest r) {
        var spec = db.sql("""
                        insert into open311_request (ticket_id, token, partner_id, service_code, lat, long, address_id,
                                                     media_url, attributes)
                        values (:ticket, :token, :partner, :service, :lat, :long, :addressId, :media, :attributes)
                        on conflict (ticket_id) do nothing""")
                .bind("ticket", ticketId).bind("token", token).bind("partner", partner.id())
                .bind("service", serviceCode)
                .bind("attributes", Json.of(json.writeValueAsString(r.attributes() == null ? Map.of()
                        : r.attributes())));
        spec = r.lat() == null ? spec.bindNull("lat", Double.class) : spec.bind("lat", r.lat());
        spec = r.lon() == null ? spec.bindNull("long", Double.class) : spec.bind("long", r.lon());
        spec = blank(r.addressId()) ? spec.bindNull("addressId", String.class) : spec.bind("addressId", r.addressId().strip());
        spec = blank(r.mediaUrl()) ? spec.bindNull("media", String.class) : spec.bind("media", r.mediaUrl().strip());
        return spec.then();
    }

    private Mono<UUID> tokenOf(UUID ticketId) {
        return db.sql("select token from open311_request where ticket_id = :id").bind("id", ticketId)
                .map(row -> row.get("token", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> new InvalidServiceRequestException(
                        "Idempotency-Key was already used for a request made another way")));
    }

    private static void checkShape(NewServiceRequest r) {
        if (blank(r.serviceCode())) {
            throw new InvalidServiceRequestException("service_code is required");
        }
        boolean coordinates = r.lat() != null || r.lon() != null;
        if (coordinates && (r.lat() == null || r.lon() == null)) {
            throw new InvalidServiceRequestException("lat and long must be given together");
        }
        if (coordinates && (Math.abs(r.lat()) > 90 || Math.abs(r.lon()) > 180)) {
            throw new InvalidServiceRequestException("lat must be within ±90 and long within ±180 (WGS-84)");
        }
        if (!coordinates && blank(r.addressString()) && blank(r.addressId())) {
            throw new InvalidServiceRequestException("a location is required: lat and long, address_string or "
                    + "address_id");
        }
        if (r.description() != null && r.description().length() > MAX_DESCRIPTION) {
            throw new InvalidServiceRequestException("description is at most " + MAX_DESCRIPTION + " characters");
        }
        if (!blank(r.mediaUrl()) && !httpUrl(r.mediaUrl().strip())) {
            throw new InvalidServiceRequestException("media_url must be an absolute http or https URL");
        }
        if (r.idempotencyKey() != null && (r.idempotencyKey().isBlank()
                || r.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
            throw new InvalidServiceRequestException("Idempotency-Key must be 1–" + MAX_IDEMPOTENCY_KEY + " characters");
        }
    }

    /** Checks the attributes against the service definition; answers the emergency number, if this is one. */
    private String checkAttributes(ServiceType service, Map<String, List<String>> given) {
        Map<String, List<String>> values = given == null ? Map.of() : given;
        List<Map<String, Object>> definition = json.readValue(service.attributesJson(), ATTRIBUTES);
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        definition.forEach(a -> byCode.put((String) a.get("code"), a));
        for (String code : values.keySet()) {
            if (!byCode.containsKey(code)) {
                throw new InvalidServiceRequestException("attribute " + code + " is not defined for service "
                        + service.code());
            }
        }
        for (Map<String, Object> a : definition) {
            String code = (String) a.get("code");
            List<String> v = values.getOrDefault(code, List.of()).stream().filter(s -> !s.isBlank()).toList();
            if (Boolean.TRUE.equals(a.get("required")) && v.isEmpty()) {
                throw new InvalidServiceRequestException("attribute[" + code + "] is required for service "
                        + service.code());
            }
            String type = (String) a.get("datatype");
            if (("singlevaluelist".equals(type) || "multivaluelist".equals(type)) && !v.isEmpty()) {
                List<String> keys = new ArrayList<>();
                if (a.get("values") instanceof List<?> options) {
                    options.forEach(o -> keys.add(String.valueOf(((Map<?, ?>) o).get("key"))));
                }
                if (!keys.containsAll(v) || ("singlevaluelist".equals(type) && v.size() > 1)) {
                    throw new InvalidServiceRequestException("attribute[" + code + "] must be "
                            + ("singlevaluelist".equals(type) ? "one of " : "some of ") + keys);
                }
            }
        }
        return Open311Catalogue.EMERGENCY_SERVICE.equals(service.code())
                ? values.get(Open311Catalogue.EMERGENCY_NUMBER_ATTRIBUTE).getFirst() : null;
    }

    private static Citizen citizen(NewServiceRequest r) {
        String name = ((blank(r.lastName()) ? "" : r.lastName().strip()) + (blank(r.firstName()) ? ""
                : (blank(r.lastName()) ? "" : " ") + r.firstName().strip())).strip();
        return new Citizen(name.isEmpty() ? null : name, blank(r.phone()) ? null : r.phone().strip());
    }

    private static String location(NewServiceRequest r) {
        if (!blank(r.addressString())) {
            return r.addressString().strip();
        }
        if (!blank(r.addressId())) {
            return "address_id " + r.addressId().strip();
        }
        return r.lat() + "," + r.lon();
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return url.length() <= 2000 && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
