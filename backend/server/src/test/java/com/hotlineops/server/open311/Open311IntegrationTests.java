package com.hotlineops.server.open311;

import static com.hotlineops.server.open311.GeoReportSchemas.assertValid;
import static com.hotlineops.server.open311.GeoReportSchemas.childNames;
import static com.hotlineops.server.open311.GeoReportSchemas.children;
import static com.hotlineops.server.open311.GeoReportSchemas.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.core.category.CategoryTree;
import com.hotlineops.server.BackendIntegrationTest;
import com.hotlineops.server.partner.PartnerFixtures;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 over HTTP on real PostgreSQL, every JSON answer validated against the shared GeoReport JSON
 * Schemas, every XML answer parsed and compared with its JSON twin and with the layout of the spec's fixtures.
 */
class Open311IntegrationTests extends BackendIntegrationTest {

    private static final String PHONE = "13912345678";
    private static final String NAME = "张三丰";

    @Autowired
    CategoryTree tree;

    private PartnerCredentials client;

    @BeforeEach
    void registerOpen311Client() {
        client = PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("o311"),
                List.of(Channel.OPEN311), null);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return http.get().uri("/open311/v2/" + path).exchange();
    }

    private String body(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    private MultiValueMap<String, String> form(String apiKey, String serviceCode) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (apiKey != null) {
            form.add("api_key", apiKey);
        }
        form.add("service_code", serviceCode);
        form.add("lat", "30.2741");
        form.add("long", "120.1551");
        form.add("address_string", "人民路 18 号");
        form.add("first_name", "三丰");
        form.add("last_name", "张");
        form.add("phone", PHONE);
        form.add("email", "zhang@example.com");
        form.add("description", "人民路口的路灯连续三晚不亮");
        return form;
    }

    private WebTestClient.ResponseSpec post(String format, MultiValueMap<String, String> form, String idempotencyKey) {
        return http.post().uri("/open311/v2/requests." + format)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    /** Creates a request and answers its service_request_id, checking the create answer against the swagger schema. */
    private JsonNode create(MultiValueMap<String, String> form) {
        String created = body(post("json", form, null), 201);
        assertValid(GeoReportSchemas.arrayOfSwaggerDefinition("RequestResponse"), created);
        return json.readTree(created).get(0);
    }

    private long open311Rows() {
        return db.sql("select count(*) as n from open311_request").map(r -> r.get("n", Long.class)).one().block();
    }

    private void assertError(String format, WebTestClient.ResponseSpec spec, int status) {
        String body = body(spec, status);
        if (format.equals("json")) {
            assertValid(GeoReportSchemas.errors(), body);
            assertThat(json.readTree(body).get(0).get("code").asInt()).isEqualTo(status);
        } else {
            Element errors = GeoReportSchemas.xml(body).getDocumentElement();
            Element fixture = GeoReportSchemas.fixture("get_service_request_not_found.xml").getDocumentElement();
            assertThat(errors.getTagName()).isEqualTo(fixture.getTagName());
            Element error = children(errors, "error").getFirst();
            assertThat(childNames(error)).isEqualTo(childNames(children(fixture, "error").getFirst()));
            assertThat(text(error, "code")).isEqualTo(Integer.toString(status));
        }
    }

    @Test
    void servicesAreTheCategoryLeavesValidInJsonAndTheSameInXml() {
        String services = body(get("services.json"), 200);
        assertValid(GeoReportSchemas.file("services.json"), services);
        JsonNode list = json.readTree(services);
        long categories = tree.all().stream().filter(c -> !c.topLevel()).count();
        assertThat(list.size()).as("the tree's categories and EMERGENCY").isEqualTo((int) categories + 1)
                .isGreaterThan(10);
        List<String> codes = new ArrayList<>();
        list.forEach(s -> codes.add(s.get("service_code").asString()));
        assertThat(codes).contains("0101", "0201", "0104", "EMERGENCY");
        JsonNode noise = list.get(codes.indexOf("0201"));
        assertThat(noise.get("group").asString()).isEqualTo("生态环境");
        assertThat(noise.get("metadata").asBoolean()).isTrue();
        assertThat(list.get(codes.indexOf("0102")).get("metadata").asBoolean()).isFalse();

        Element xml = GeoReportSchemas.xml(body(get("services.xml"), 200)).getDocumentElement();
        Element fixture = GeoReportSchemas.fixture("services.xml").getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo(fixture.getTagName());
        List<Element> items = children(xml, "service");
        assertThat(items).hasSize(list.size());
        assertThat(childNames(items.getFirst())).containsExactlyInAnyOrderElementsOf(
                childNames(children(fixture, "service").getFirst()));
        for (int i = 0; i < items.size(); i++) {
            assertThat(text(items.get(i), "service_code")).isEqualTo(list.get(i).get("service_code").asString());
            assertThat(text(items.get(i), "service_name")).isEqualTo(list.get(i).get("service_name").asString());
            assertThat(text(items.get(i), "metadata")).isEqualTo(list.get(i).get("metadata").asString());
        }
    }

    @Test
    void serviceDefinitionListsItsAttributesAndAnUnknownServiceIsA404Error() {
        String definition = body(get("services/0201.json"), 200);
        assertValid(GeoReportSchemas.file("service-definition.json"), definition);
        JsonNode attribute = json.readTree(definition).get("attributes").get(0);
        assertThat(attribute.get("code").asString()).isEqualTo("SOURCE");
        assertThat(attribute.get("values")).hasSize(4);

        Element xml = GeoReportSchemas.xml(body(get("services/0201.xml"), 200)).getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(text(xml, "service_code")).isEqualTo("0201");
        Element xmlAttribute = children(children(xml, "attributes").getFirst(), "attribute").getFirst();
        Element fixtureAttribute = children(GeoReportSchemas.fixture("service_definition.xml").getDocumentElement(),
                "attribute").getFirst();
        assertThat(childNames(xmlAttribute)).containsExactlyInAnyOrderElementsOf(childNames(fixtureAttribute));
        assertThat(children(children(xmlAttribute, "values").getFirst(), "value")).hasSize(4)
                .allSatisfy(v -> assertThat(childNames(v)).containsExactly("key", "name"));

        assertError("json", get("services/NO-SUCH.json"), 404);
        assertError("xml", get("services/NO-SUCH.xml"), 404);
        assertError("json", get("services.csv"), 400);
    }

    @Test
    void createWithApiKeyThenLookUpByIdAndTokenWithoutNameOrPhoneInJsonAndXml() {
        JsonNode created = create(form(client.apiKey(), "0101"));
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();
        assertThat(id).matches("\\d{14}");

        String lookup = body(get("requests/" + id + ".json"), 200);
        assertValid(GeoReportSchemas.file("requests.json"), lookup);
        assertThat(lookup).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("张").doesNotContain("zhang@");
        JsonNode request = json.readTree(lookup).get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("0101");
        assertThat(request.get("service_name").asString()).isEqualTo("市政设施");
        assertThat(request.get("description").asString()).isEqualTo("人民路口的路灯连续三晚不亮");
        assertThat(request.get("address").asString()).isEqualTo("人民路 18 号");
        assertThat(request.get("lat").asDouble()).isEqualTo(30.2741);
        assertThat(request.get("long").asDouble()).isEqualTo(120.1551);
        Instant requested = OffsetDateTime.parse(request.get("requested_datetime").asString()).toInstant();
        assertThat(requested).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
        String stored = db.sql("select citizen_phone from ticket where number = :n").bind("n", id)
                .map(r -> r.get("citizen_phone", String.class)).one().block();
        assertThat(stored).isEqualTo(PHONE);

        String xmlBody = body(get("requests/" + id + ".xml"), 200);
        assertThat(xmlBody).doesNotContain(PHONE).doesNotContain(NAME);
        Element xml = GeoReportSchemas.xml(xmlBody).getDocumentElement();
        Element fixture = GeoReportSchemas.fixture("get_service_request.xml").getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo(fixture.getTagName());
        Element xmlRequest = children(xml, "request").getFirst();
        assertThat(childNames(xmlRequest)).isEqualTo(childNames(children(fixture, "request").getFirst()));
        request.properties().forEach(field -> assertThat(text(xmlRequest, field.getKey()))
                .as(field.getKey()).isEqualTo(field.getValue().isNull() ? "" : field.getValue().asString()));

        String byToken = body(get("tokens/" + token + ".json"), 200);
        assertValid(GeoReportSchemas.arrayOfSwaggerDefinition("TokenResponse"), byToken);
        assertThat(json.readTree(byToken).get(0).get("service_request_id").asString()).isEqualTo(id);
        Element tokenXml = GeoReportSchemas.xml(body(get("tokens/" + token + ".xml"), 200)).getDocumentElement();
        Element tokenFixture = GeoReportSchemas.fixture("request_id_from_token.xml").getDocumentElement();
        assertThat(childNames(children(tokenXml, "request").getFirst()))
                .isEqualTo(childNames(children(tokenFixture, "request").getFirst()));
        assertError("json", get("tokens/" + UUID.randomUUID() + ".json"), 404);
        assertError("xml", get("requests/00000000000000.xml"), 404);

        Element createdXml = GeoReportSchemas.xml(body(post("xml", form(client.apiKey(), "0102"), null), 201))
                .getDocumentElement();
        Element createdFixture = GeoReportSchemas.fixture("post_service_request.xml").getDocumentElement();
        assertThat(createdXml.getTagName()).isEqualTo(createdFixture.getTagName());
        // account_id is for jurisdictions with citizen accounts; the hotline has none, so it is left out.
        assertThat(childNames(children(createdXml, "request").getFirst()))
                .containsAll(childNames(children(createdFixture, "request").getFirst()).stream()
                        .filter(n -> !n.equals("account_id")).toList());
    }

    @Test
    void createWithoutKeyWrongKeyOrAKeyNotAllowedOpen311IsRefusedAndRecordsNothing() {
        PartnerCredentials other = PartnerFixtures.register(http, token(http, "admin"),
                PartnerFixtures.uniqueName("cppcc"), List.of(Channel.CPPCC), null);
        long before = open311Rows();
        assertError("json", post("json", form(null, "0101"), null), 400);
        assertError("json", post("json", form(client.apiKey() + "x", "0101"), null), 403);
        assertError("xml", post("xml", form("hop.0000000000000000.nope", "0101"), null), 403);
        assertError("json", post("json", form(other.apiKey(), "0101"), null), 403);

        MultiValueMap<String, String> nowhere = form(client.apiKey(), "0101");
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        assertError("json", post("json", nowhere, null), 400);
        assertError("json", post("json", form(client.apiKey(), "NO-SUCH"), null), 400);
        MultiValueMap<String, String> noise = form(client.apiKey(), "0201");
        assertError("json", post("json", noise, null), 400);
        noise.add("attribute[SOURCE]", "VOLCANO");
        assertError("json", post("json", noise, null), 400);
        assertThat(open311Rows()).isEqualTo(before);

        noise.set("attribute[SOURCE]", "CONSTRUCTION");
        create(noise);
        assertThat(open311Rows()).isEqualTo(before + 1);
    }

    @Test
    void disabledPartnersKeyIsRefusedSayingItIsDisabledInGeoReportsErrorFormatWhileAWrongKeyLearnsNothing() {
        PartnerCredentials off = PartnerFixtures.register(http, token(http, "admin"),
                PartnerFixtures.uniqueName("o311"), List.of(Channel.OPEN311), null);
        http.post().uri("/api/v1/admin/partners/" + off.partner().id() + "/disable")
                .headers(h -> h.setBearerAuth(token(http, "admin"))).exchange().expectStatus().isOk();
        long before = open311Rows();

        String refused = body(post("json", form(off.apiKey(), "0101"), null), 403);
        assertValid(GeoReportSchemas.errors(), refused);
        assertThat(json.readTree(refused).get(0).get("description").asString())
                .startsWith("api_key disabled: ").contains(off.partner().name());
        assertError("xml", post("xml", form(off.apiKey(), "0101"), null), 403);
        assertThat(text(children(GeoReportSchemas.xml(body(post("xml", form(off.apiKey(), "0101"), null), 403))
                .getDocumentElement(), "error").getFirst(), "description")).startsWith("api_key disabled: ");
        String wrong = body(post("json", form(off.apiKey() + "x", "0101"), null), 403);
        assertValid(GeoReportSchemas.errors(), wrong);
        assertThat(json.readTree(wrong).get(0).get("description").asString()).isEqualTo("Invalid api_key");
        assertThat(open311Rows()).isEqualTo(before);
    }

    @Test
    void retryWithTheSameIdempotencyKeyAnswersTheFirstRequest() {
        String key = UUID.randomUUID().toString();
        JsonNode first = json.readTree(body(post("json", form(client.apiKey(), "0104"), key), 201)).get(0);
        JsonNode again = json.readTree(body(post("json", form(client.apiKey(), "0104"), key), 200)).get(0);
        assertThat(again.get("service_request_id").asString()).isEqualTo(first.get("service_request_id").asString());
        assertThat(again.get("token").asString()).isEqualTo(first.get("token").asString());
        Long tickets = db.sql("select count(*) as n from ticket where channel = 'OPEN311' and external_id = :x")
                .bind("x", client.partner().name() + "/" + key).map(r -> r.get("n", Long.class)).one().block();
        assertThat(tickets).isEqualTo(1);
    }

    @Test
    void emergencyServiceIsRecordedAsTransferredInOneCallAndShownClosed() {
        MultiValueMap<String, String> form = form(client.apiKey(), "EMERGENCY");
        form.set("description", "路口两车相撞，有人受伤");
        form.add("attribute[NUMBER]", "120");
        JsonNode created = create(form);
        assertThat(created.get("service_notice").asString()).contains("120");
        String id = created.get("service_request_id").asString();
        String status = db.sql("select status || ' ' || emergency_number as s from ticket where number = :n")
                .bind("n", id).map(r -> r.get("s", String.class)).one().block();
        assertThat(status).isEqualTo("TRANSFERRED_EMERGENCY 120");
        JsonNode request = json.readTree(body(get("requests/" + id + ".json"), 200)).get(0);
        assertThat(request.get("status").asString()).isEqualTo("closed");
        assertThat(request.get("status_notes").asString()).contains("120");

        MultiValueMap<String, String> wrong = form(client.apiKey(), "EMERGENCY");
        wrong.add("attribute[NUMBER]", "999");
        assertError("json", post("json", wrong, null), 400);
    }

    @Test
    void searchFiltersByIdsCodeStatusAndWindowWithinTheSpecsLimits() {
        String light = create(form(client.apiKey(), "0101")).get("service_request_id").asString();
        String road = create(form(client.apiKey(), "0102")).get("service_request_id").asString();
        MultiValueMap<String, String> emergency = form(client.apiKey(), "EMERGENCY");
        emergency.add("attribute[NUMBER]", "119");
        String fire = create(emergency).get("service_request_id").asString();

        String all = body(get("requests.json"), 200);
        assertValid(GeoReportSchemas.file("requests.json"), all);
        List<String> ids = new ArrayList<>();
        json.readTree(all).forEach(r -> ids.add(r.get("service_request_id").asString()));
        assertThat(ids).contains(light, road, fire);
        assertThat(ids.indexOf(fire)).isLessThan(ids.indexOf(light));

        JsonNode byIds = json.readTree(body(get("requests.json?service_request_id=" + road + "," + light
                + "&service_code=NOTHING"), 200));
        assertThat(byIds).hasSize(2);
        assertThat(byIds.get(0).get("service_request_id").asString()).isEqualTo(road);

        JsonNode roads = json.readTree(body(get("requests.json?service_code=0102"), 200));
        assertThat(roads).isNotEmpty().allSatisfy(r -> assertThat(r.get("service_code").asString())
                .isEqualTo("0102"));
        JsonNode closed = json.readTree(body(get("requests.json?status=closed"), 200));
        assertThat(closed).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("closed"));
        assertThat(closed.toString()).contains(fire).doesNotContain(light);
        JsonNode open = json.readTree(body(get("requests.json?status=open"), 200));
        assertThat(open.toString()).contains(light).doesNotContain(fire);

        String longAgo = "2020-01-01T00:00:00Z";
        assertThat(json.readTree(body(get("requests.json?start_date=" + longAgo), 200))).isEmpty();
        assertThat(json.readTree(body(get("requests.json?end_date=" + longAgo), 200))).isEmpty();
        assertError("json", get("requests.json?start_date=" + longAgo + "&end_date=2020-03-31T00:00:01Z"), 400);
        assertThat(json.readTree(body(get("requests.json?start_date=" + longAgo + "&end_date=2020-03-31T00:00:00Z"),
                200))).isEmpty();
        assertError("json", get("requests.json?status=pending"), 400);
        assertError("xml", get("requests.xml?start_date=yesterday"), 400);

        Element xml = GeoReportSchemas.xml(body(get("requests.xml?service_request_id=" + light + "," + road), 200))
                .getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(children(xml, "request")).extracting(r -> text(r, "service_request_id"))
                .containsExactly(light, road);
    }

    @Test
    void serviceListsAndLookupsArePublicButOtherApiRoutesStillNeedAToken() {
        get("services.json").expectStatus().isOk();
        http.get().uri("/api/v1/tickets/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }
}
