package com.hotlineops.server.open311;

import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.open311.InvalidServiceRequestException;
import com.hotlineops.core.open311.NewServiceRequest;
import com.hotlineops.core.open311.Open311Catalogue;
import com.hotlineops.core.open311.Open311Requests;
import com.hotlineops.core.open311.RequestQuery;
import com.hotlineops.core.open311.ServiceRequestView;
import com.hotlineops.core.open311.ServiceType;
import com.hotlineops.core.open311.UnknownServiceException;
import com.hotlineops.core.partner.ChannelNotAllowedException;
import com.hotlineops.core.partner.ExternalIdTakenException;
import com.hotlineops.core.partner.Partner;
import com.hotlineops.core.partner.PartnerDirectory;
import com.hotlineops.core.ticket.InvalidTicketCommandException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open311 GeoReport v2 (DESIGN.md §4). Reads are public, as Open311 is by design, and show only requests submitted
 * through it, never a name, phone or e-mail; {@code POST requests} needs the {@code api_key} of a partner allowed
 * channel OPEN311 (decision 0017). {@code jurisdiction_id} is accepted and ignored: this endpoint serves one.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "Public service list and request status; request creation with "
        + "api_key. Answers in JSON or XML by the path's extension; errors as [{code, description}]")
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)](\\[])?");
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Open311Catalogue catalogue;
    private final Open311Requests requests;
    private final PartnerDirectory partners;
    private final JsonMapper json;
    private final ZoneId zone;

    Open311Controller(Open311Catalogue catalogue, Open311Requests requests, PartnerDirectory partners, JsonMapper json,
            HotlineProperties properties) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.partners = partners;
        this.json = json;
        this.zone = properties.zone();
    }

    @GetMapping("/services.{format}")
    @Operation(summary = "GeoReport v2 service list: the leaves of the category tree (public)")
    Mono<ResponseEntity<String>> services(@PathVariable String format) {
        return answer(format, "services", HttpStatus.OK, catalogue.services().map(this::service)
                .collectList().map(this::array));
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "GeoReport v2 service definition: the extra attributes of one service (public)")
    Mono<ResponseEntity<String>> definition(@PathVariable String code, @PathVariable String format) {
        return answer(format, "service_definition", HttpStatus.OK, catalogue.service(code)
                .onErrorMap(UnknownServiceException.class, e -> new Open311Error(HttpStatus.NOT_FOUND, e.getMessage()))
                .map(s -> {
                    ObjectNode d = json.createObjectNode();
                    d.put("service_code", s.code());
                    d.set("attributes", json.readTree(s.attributesJson()));
                    return d;
                }));
    }

    @PostMapping("/requests.{format}")
    @Operation(summary = "GeoReport v2 create request (form parameters, api_key of a partner allowed OPEN311); "
            + "service EMERGENCY with attribute[NUMBER]=110/119/120/122 records an emergency transfer; "
            + "optional Idempotency-Key header makes a retry answer the first request",
            parameters = @Parameter(name = IDEMPOTENCY_KEY, in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER))
    Mono<ResponseEntity<String>> create(@PathVariable String format, ServerWebExchange exchange) {
        Mono<ResponseEntity<String>> created = exchange.getFormData().flatMap(form -> {
            MultiValueMap<String, String> p = new LinkedMultiValueMap<>(exchange.getRequest().getQueryParams());
            form.forEach((k, v) -> p.addAll(k, v));
            String apiKey = p.getFirst("api_key");
            if (apiKey == null || apiKey.isBlank()) {
                return Mono.error(new Open311Error(HttpStatus.BAD_REQUEST, "api_key is required"));
            }
            NewServiceRequest request = newRequest(p, exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY));
            // A wrong key learns nothing; the holder of a right key learns its partner is disabled, so it does not
            // rotate a key that is fine (decision 0033).
            return partners.identify(apiKey)
                    .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.FORBIDDEN, "Invalid api_key")))
                    .flatMap(partner -> partner.enabled() ? Mono.just(partner)
                            : Mono.error(new Open311Error(HttpStatus.FORBIDDEN, disabled(partner))))
                    .flatMap(partner -> requests.submit(partner, request))
                    .map(s -> {
                        ObjectNode r = json.createObjectNode();
                        r.put("service_request_id", s.serviceRequestId());
                        r.put("token", s.token());
                        r.put("service_notice", s.serviceNotice());
                        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                .contentType(GeoReportFormat.of(format).mediaType())
                                .body(GeoReportFormat.of(format).write(json, "service_requests", array(List.of(r))));
                    });
        });
        return Mono.defer(() -> {
            GeoReportFormat.of(format);
            return created;
        }).onErrorResume(e -> error(format, e));
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "GeoReport v2 search: service_request_id (comma list, overrides the rest), service_code, "
            + "start_date, end_date (at most 90 days; default the last 90), status=open|closed; newest first, at "
            + "most 1000 (public)")
    Mono<ResponseEntity<String>> search(@PathVariable String format, ServerWebExchange exchange) {
        return answer(format, "service_requests", HttpStatus.OK, Mono.defer(() -> requests
                .search(query(exchange.getRequest().getQueryParams())).map(this::request).collectList()
                .map(this::array)));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "GeoReport v2 one request by service_request_id (the ticket number) (public)")
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format) {
        return answer(format, "service_requests", HttpStatus.OK, requests.find(List.of(id)).map(this::request)
                .collectList()
                .filter(found -> !found.isEmpty())
                .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                        "Service request not found with id " + id)))
                .map(this::array));
    }

    @GetMapping("/tokens/{token}.{format}")
    @Operation(summary = "GeoReport v2 service_request_id from the token a create answered (public)")
    Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format) {
        return answer(format, "service_requests", HttpStatus.OK, Mono.defer(() -> requests
                .requestIdOfToken(parseToken(token))
                .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                        "Service request not found with token " + token)))
                .map(id -> {
                    ObjectNode r = json.createObjectNode();
                    r.put("service_request_id", id);
                    r.put("token", token);
                    return array(List.of(r));
                })));
    }

    private Mono<ResponseEntity<String>> answer(String format, String root, HttpStatus status, Mono<JsonNode> body) {
        return Mono.defer(() -> {
            GeoReportFormat f = GeoReportFormat.of(format);
            return body.map(b -> ResponseEntity.status(status).contentType(f.mediaType()).body(f.write(json, root, b)));
        }).onErrorResume(e -> error(format, e));
    }

    /** Any failure as a GeoReport error list in the asked format (JSON when the format itself is wrong). */
    private Mono<ResponseEntity<String>> error(String format, Throwable e) {
        HttpStatus status;
        String description;
        switch (e) {
            case Open311Error o -> {
                status = o.status();
                description = o.getMessage();
            }
            case InvalidServiceRequestException i -> {
                status = HttpStatus.BAD_REQUEST;
                description = i.getMessage();
            }
            case InvalidTicketCommandException i -> {
                status = HttpStatus.BAD_REQUEST;
                description = i.getMessage();
            }
            case ChannelNotAllowedException c -> {
                status = HttpStatus.FORBIDDEN;
                description = "This api_key may not submit Open311 requests";
            }
            case ExternalIdTakenException x -> {
                status = HttpStatus.CONFLICT;
                description = x.getMessage();
            }
            case DataAccessException d -> {
                status = HttpStatus.SERVICE_UNAVAILABLE;
                description = "Temporarily unavailable; nothing was changed, retry shortly";
            }
            case CannotCreateTransactionException d -> {
                status = HttpStatus.SERVICE_UNAVAILABLE;
                description = "Temporarily unavailable; nothing was changed, retry shortly";
            }
            default -> {
                log.warn("Open311 request failed", e);
                status = HttpStatus.INTERNAL_SERVER_ERROR;
                description = "Internal error";
            }
        }
        GeoReportFormat f = "xml".equals(format) ? GeoReportFormat.XML : GeoReportFormat.JSON;
        ObjectNode error = json.createObjectNode();
        error.put("code", status.value());
        error.put("description", description);
        return Mono.just(ResponseEntity.status(status).contentType(f.mediaType())
                .body(f.write(json, "errors", array(List.of(error)))));
    }

    private ObjectNode service(ServiceType s) {
        ObjectNode n = json.createObjectNode();
        n.put("service_code", s.code());
        n.put("service_name", s.name());
        n.put("description", s.description());
        n.put("metadata", s.metadata());
        n.put("type", "realtime");
        n.put("keywords", s.keywords());
        n.put("group", s.group());
        return n;
    }

    private ObjectNode request(ServiceRequestView r) {
        ObjectNode n = json.createObjectNode();
        n.put("service_request_id", r.serviceRequestId());
        n.put("status", r.status());
        n.put("status_notes", r.statusNotes());
        n.put("service_name", r.serviceName());
        n.put("service_code", r.serviceCode());
        n.put("description", r.description());
        n.put("agency_responsible", r.agencyResponsible());
        n.putNull("service_notice");
        n.put("requested_datetime", time(r.requestedAt()));
        n.put("updated_datetime", time(r.updatedAt()));
        n.put("expected_datetime", time(r.expectedAt()));
        n.put("address", r.address());
        n.put("address_id", r.addressId());
        n.putNull("zipcode");
        n.put("lat", r.lat());
        n.put("long", r.lon());
        n.put("media_url", r.mediaUrl());
        return n;
    }

    private ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = json.createArrayNode();
        items.forEach(a::add);
        return a;
    }

    /** W3C date-time in the hotline's zone, to the second, as the spec's examples are. */
    private String time(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                i.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    /** GeoReport's error for the key of a disabled partner: it names the state, not the key, which is right. */
    static String disabled(Partner partner) {
        return "api_key disabled: the hotline has disabled partner " + partner.name() + " until further notice; the "
                + "key itself is valid, do not rotate it — contact the hotline";
    }

    private static NewServiceRequest newRequest(MultiValueMap<String, String> p, String idempotencyKey) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        p.forEach((key, values) -> {
            Matcher m = ATTRIBUTE.matcher(key);
            if (m.matches()) {
                attributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(values);
            }
        });
        return new NewServiceRequest(p.getFirst("service_code"), number(p, "lat"), number(p, "long"),
                p.getFirst("address_string"), p.getFirst("address_id"), attributes, p.getFirst("first_name"),
                p.getFirst("last_name"), p.getFirst("phone"), p.getFirst("description"), p.getFirst("media_url"),
                idempotencyKey);
    }

    private static Double number(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be a decimal number");
        }
    }

    /** The spec's search rules: ids override; otherwise a window of at most 90 days, the last 90 by default. */
    private RequestQuery query(MultiValueMap<String, String> p) {
        List<String> ids = list(p.getFirst("service_request_id"));
        if (ids.size() > Open311Requests.MAX_RESULTS) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "at most " + Open311Requests.MAX_RESULTS
                    + " service_request_id values");
        }
        List<String> statuses = list(p.getFirst("status"));
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open or closed, not " + s);
            }
        }
        Instant start = date(p.getFirst("start_date"), "start_date");
        Instant end = date(p.getFirst("end_date"), "end_date");
        Instant from;
        Instant to;
        if (start == null && end == null) {
            to = requests.now();
            from = to.minus(Open311Requests.MAX_WINDOW);
        } else if (end == null) {
            from = start;
            to = start.plus(Open311Requests.MAX_WINDOW);
        } else if (start == null) {
            to = end;
            from = end.minus(Open311Requests.MAX_WINDOW);
        } else {
            from = start;
            to = end;
        }
        if (to.isBefore(from)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "end_date must not be before start_date");
        }
        if (ids.isEmpty() && from.plus(Open311Requests.MAX_WINDOW).isBefore(to)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date to end_date may span at most 90 days");
        }
        return new RequestQuery(ids, list(p.getFirst("service_code")), from, to, statuses,
                Open311Requests.MAX_RESULTS);
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }

    private static Instant date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be a W3C date-time with offset, e.g. "
                    + "2026-11-26T10:00:00+08:00");
        }
    }

    private static UUID parseToken(String token) {
        try {
            return UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "Service request not found with token " + token);
        }
    }
}
