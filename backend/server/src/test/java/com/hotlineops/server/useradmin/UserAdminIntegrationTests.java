package com.hotlineops.server.useradmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.auth.PasswordChange;
import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.PasswordReset;
import com.hotlineops.contract.user.UserChange;
import com.hotlineops.contract.user.UserChangePage;
import com.hotlineops.contract.user.UserEdit;
import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * User administration (decision 0032) on real PostgreSQL: only administrators; bad accounts refused with problem
 * details that change nothing; a username created twice is a 409; a disabled account can neither log in nor refresh;
 * a change of roles shows in the next token and ends the refresh tokens from before; administrators cannot lock
 * themselves out; every change leaves an audit row with who made it, never a password.
 */
class UserAdminIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final UUID T02 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_DONGHU);
    private static final UUID T01_G01 = DemoOrganisation.idOf(DemoOrganisation.GRID_CHENGGUAN_1);
    private static final UUID T01_G02 = DemoOrganisation.idOf(DemoOrganisation.GRID_CHENGGUAN_2);
    private static final UUID ADMIN = DemoOrganisation.idOf("admin");
    private static final String PASSWORD = "Grid-worker-2026!";

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private WebTestClient.ResponseSpec call(String bearer, String method, String path, Object body) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri("/api/v1/users" + path)
                .headers(h -> {
                    if (bearer != null) {
                        h.setBearerAuth(bearer);
                    }
                });
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec asAdmin(String method, String path, Object body) {
        return call(bearer("admin"), method, path, body);
    }

    private UserView create(NewUser user) {
        return asAdmin("POST", "", user).expectStatus().isCreated().expectBody(UserView.class).returnResult()
                .getResponseBody();
    }

    private UserView gridWorker(String username) {
        return create(new NewUser(username, "网格员测试", List.of("GRID_WORKER"), T01, T01_G01, PASSWORD));
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.post().uri("/api/v1/auth/token").bodyValue(TokenRequest.password(username, password)).exchange();
    }

    private TokenResponse loggedIn(String username, String password) {
        return login(username, password).expectStatus().isOk().expectBody(TokenResponse.class).returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/token").bodyValue(new TokenRequest(null, null, refreshToken)).exchange();
    }

    private JsonNode claims(String jwt) {
        return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private UserChangePage changePage(UUID id, String query) {
        return asAdmin("GET", "/" + id + "/changes" + query, null).expectStatus().isOk()
                .expectBody(UserChangePage.class).returnResult().getResponseBody();
    }

    /** The account's whole history, newest first (a test account has far fewer changes than a page holds). */
    private List<UserChange> changes(UUID id) {
        UserChangePage page = changePage(id, "?limit=200");
        assertThat(page.nextCursor()).isNull();
        return page.items();
    }

    private long rows(String sql, Object value) {
        return db.sql(sql).bind("v", value).map(r -> r.get(0, Long.class)).one().block();
    }

    // --- who may ---------------------------------------------------------------------------------------------------

    @Test
    void withoutTokenThen401AndOtherRolesThen403WhileAdminListsTheAccounts() {
        NewUser request = new NewUser(unique("nobody"), "无权", List.of("AGENT"), null, null, PASSWORD);
        call(null, "GET", "", null).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(null, "POST", "", request).expectStatus().isUnauthorized();
        for (String user : List.of("supervisor1", "agent1", "dispatcher1", "handler-t01")) {
            call(bearer(user), "GET", "", null).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            call(bearer(user), "POST", "", request).expectStatus().isForbidden();
            call(bearer(user), "POST", "/" + DemoOrganisation.idOf("agent1") + "/disable", null)
                    .expectStatus().isForbidden();
        }
        assertThat(rows("select count(*) from app_user where username = :v", request.username())).isZero();
        login("agent1", DemoOrganisation.passwordOf("agent1")).expectStatus().isOk();

        UserPage page = asAdmin("GET", "?q=agent1", null).expectStatus().isOk().expectBody(UserPage.class)
                .returnResult().getResponseBody();
        assertThat(page.items()).extracting(UserView::username).containsExactly("agent1");
        String raw = asAdmin("GET", "/" + DemoOrganisation.idOf("agent1"), null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // Exactly these fields, none of them a password or its hash (passwordChangeRequired is a flag, decision 0036).
        List<String> fields = new ArrayList<>();
        json.readTree(raw).propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "username", "displayName", "roles", "unitId", "gridId",
                "enabled", "passwordChangeRequired", "throttledUntil", "createdAt", "updatedAt");
        assertThat(raw).doesNotContain("$2a$").doesNotContain(DemoOrganisation.passwordOf("agent1"))
                .doesNotContainIgnoringCase("hash");
    }

    // --- creating --------------------------------------------------------------------------------------------------

    @Test
    void gridWorkerCreatedThenLogsInWithTheGridInTheTokenAndTheSameUsernameAgainIs409ChangingNothing() {
        String username = unique("worker");
        UserView created = gridWorker(username);
        assertThat(created.roles()).containsExactly("GRID_WORKER");
        assertThat(created.unitId()).isEqualTo(T01);
        assertThat(created.gridId()).isEqualTo(T01_G01);
        assertThat(created.enabled()).isTrue();
        assertThat(created.createdAt()).isNotNull();

        JsonNode token = claims(loggedIn(username, PASSWORD).accessToken());
        assertThat(token.get("grid").asString()).isEqualTo(T01_G01.toString());
        assertThat(token.get("unit").asString()).isEqualTo(T01.toString());

        asAdmin("POST", "", new NewUser(username, "另一个人", List.of("ADMIN"), null, null, "Another-pass-99"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(username));
        UserView after = asAdmin("GET", "/" + created.id(), null).expectStatus().isOk().expectBody(UserView.class)
                .returnResult().getResponseBody();
        assertThat(after).isEqualTo(created);
        login(username, PASSWORD).expectStatus().isOk();
        login(username, "Another-pass-99").expectStatus().isUnauthorized();
        assertThat(rows("select count(*) from user_admin_event where user_id = :v", created.id())).isEqualTo(1);
    }

    @Test
    void gridWithoutUnitThenUnitTakenFromTheGrid() {
        UserView created = create(new NewUser(unique("worker"), "网格员", List.of("GRID_WORKER"), null, T01_G02,
                PASSWORD));
        assertThat(created.unitId()).isEqualTo(T01);
        assertThat(created.gridId()).isEqualTo(T01_G02);
    }

    static Stream<Arguments> badAccounts() {
        return Stream.of(
                Arguments.of(new NewUser("Bad Name", "名", List.of("AGENT"), null, null, PASSWORD), "username"),
                Arguments.of(new NewUser("x", "名", List.of("AGENT"), null, null, PASSWORD), "username"),
                Arguments.of(new NewUser("%s", " ", List.of("AGENT"), null, null, PASSWORD), "display name"),
                Arguments.of(new NewUser("%s", "名", List.of(), null, null, PASSWORD), "At least one role"),
                Arguments.of(new NewUser("%s", "名", List.of("AGENT", "JANITOR"), null, null, PASSWORD),
                        "Unknown role JANITOR"),
                Arguments.of(new NewUser("%s", "名", List.of("GRID_WORKER"), T01, null, PASSWORD), "needs a grid"),
                Arguments.of(new NewUser("%s", "名", List.of("UNIT_HANDLER"), null, null, PASSWORD), "needs a unit"),
                Arguments.of(new NewUser("%s", "名", List.of("GRID_WORKER"), T02, T01_G01, PASSWORD),
                        "does not belong to unit"),
                Arguments.of(new NewUser("%s", "名", List.of("AGENT"), null, T01_G01, PASSWORD),
                        "only for GRID_WORKER"),
                Arguments.of(new NewUser("%s", "名", List.of("UNIT_HANDLER"), T01_G01, null, PASSWORD), "is a grid"),
                Arguments.of(new NewUser("%s", "名", List.of("GRID_WORKER"), null, T01, PASSWORD), "must be a grid"),
                Arguments.of(new NewUser("%s", "名", List.of("UNIT_HANDLER"), UUID.randomUUID(), null, PASSWORD),
                        "No organisation unit"),
                Arguments.of(new NewUser("%s", "名", List.of("AGENT"), null, null, "short-pw1"), "at least 10"),
                Arguments.of(new NewUser("%s", "名", List.of("AGENT"), null, null, "x".repeat(73)), "72 bytes"),
                Arguments.of(new NewUser("%s", "名", List.of("AGENT"), null, null, "my-%s-password"),
                        "must not contain the username"));
    }

    @ParameterizedTest
    @MethodSource("badAccounts")
    void badAccountThen400ProblemSayingWhyAndNoAccountOrAuditRow(NewUser template, String why) {
        String username = unique("bad");
        NewUser request = new NewUser(template.username().formatted(username), template.displayName(),
                template.roles(), template.unitId(), template.gridId(),
                template.initialPassword().formatted(username.toUpperCase()));
        long events = rows("select count(*) from user_admin_event where type = :v", "CREATED");

        asAdmin("POST", "", request).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(why)
                        .doesNotContain(request.initialPassword()));

        assertThat(rows("select count(*) from app_user where username = :v", request.username())).isZero();
        assertThat(rows("select count(*) from user_admin_event where type = :v", "CREATED")).isEqualTo(events);
    }

    @Test
    void badFiltersOrPagesThen400Problems() {
        asAdmin("GET", "?role=JANITOR", null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        asAdmin("GET", "?limit=201", null).expectStatus().isBadRequest();
        asAdmin("GET", "?cursor=NOT%20A%20NAME", null).expectStatus().isBadRequest();
        asAdmin("GET", "?unitId=not-a-uuid", null).expectStatus().isBadRequest();
        asAdmin("GET", "/" + UUID.randomUUID(), null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- listing ---------------------------------------------------------------------------------------------------

    /** The demo organisation is seeded by this test JVM's first start of the app, into a database of its own. */
    @Test
    void seededAccountsThenTheirCreationTimeIsWhenTheyWereSeeded() {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<UserView> seeded = Stream.of("admin", "agent1", "supervisor1", "worker1", "cti", "wall")
                .map(u -> asAdmin("GET", "/" + DemoOrganisation.idOf(u), null).expectStatus().isOk()
                        .expectBody(UserView.class).returnResult().getResponseBody())
                .toList();

        assertThat(seeded).allSatisfy(u -> assertThat(u.createdAt()).as(u.username()).isNotNull()
                .isBetween(jvmStarted, Instant.now()));
        assertThat(seeded).extracting(UserView::createdAt).as("seeded together").containsOnly(
                seeded.getFirst().createdAt());
        UserPage listed = asAdmin("GET", "?q=agent1", null).expectStatus().isOk().expectBody(UserPage.class)
                .returnResult().getResponseBody();
        assertThat(listed.items()).singleElement().extracting(UserView::createdAt)
                .isEqualTo(seeded.get(1).createdAt());
    }

    @Test
    void listFilteredByRoleGridEnabledAndTextThenPagedByUsernameWithoutRepeats() {
        String tag = unique("lst");
        UserView a = create(new NewUser(tag + "-a", "甲 " + tag, List.of("GRID_WORKER"), T01, T01_G02, PASSWORD));
        UserView b = create(new NewUser(tag + "-b", "乙", List.of("GRID_WORKER"), T01, T01_G02, PASSWORD));
        UserView c = create(new NewUser(tag + "-c", "丙", List.of("AGENT"), null, null, PASSWORD));
        asAdmin("POST", "/" + b.id() + "/disable", null).expectStatus().isOk();

        assertThat(page("?q=" + tag.toUpperCase())).extracting(UserView::username)
                .containsExactly(a.username(), b.username(), c.username());
        assertThat(page("?q=" + tag + "&role=GRID_WORKER")).extracting(UserView::id).containsExactly(a.id(), b.id());
        assertThat(page("?q=" + tag + "&gridId=" + T01_G02 + "&enabled=true")).extracting(UserView::id)
                .containsExactly(a.id());
        assertThat(page("?q=" + tag + "&enabled=false")).extracting(UserView::id).containsExactly(b.id());
        assertThat(page("?q=" + tag + "&unitId=" + T02)).isEmpty();
        assertThat(http.get().uri(u -> u.path("/api/v1/users").queryParam("q", "{q}").build(tag + "%"))
                .headers(h -> h.setBearerAuth(bearer("admin"))).exchange().expectStatus().isOk()
                .expectBody(UserPage.class).returnResult().getResponseBody().items())
                .as("a %% is searched for, not a wildcard").isEmpty();

        UserPage first = asAdmin("GET", "?q=" + tag + "&limit=2", null).expectStatus().isOk()
                .expectBody(UserPage.class).returnResult().getResponseBody();
        assertThat(first.items()).extracting(UserView::id).containsExactly(a.id(), b.id());
        assertThat(first.nextCursor()).isEqualTo(b.username());
        UserPage second = asAdmin("GET", "?q=" + tag + "&limit=2&cursor=" + first.nextCursor(), null)
                .expectStatus().isOk().expectBody(UserPage.class).returnResult().getResponseBody();
        assertThat(second.items()).extracting(UserView::id).containsExactly(c.id());
        assertThat(second.nextCursor()).isNull();
    }

    private List<UserView> page(String query) {
        return asAdmin("GET", query, null).expectStatus().isOk().expectBody(UserPage.class).returnResult()
                .getResponseBody().items();
    }

    // --- disabling -------------------------------------------------------------------------------------------------

    @Test
    void disabledThenNeitherLoginNorRefreshWorksTwiceIsTheSameAndEnabledLogsInAgainButOldRefreshStaysRefused() {
        String username = unique("worker");
        UserView worker = gridWorker(username);
        TokenResponse before = loggedIn(username, PASSWORD);
        refresh(before.refreshToken()).expectStatus().isOk();

        UserView disabled = asAdmin("POST", "/" + worker.id() + "/disable", null).expectStatus().isOk()
                .expectBody(UserView.class).returnResult().getResponseBody();
        assertThat(disabled.enabled()).isFalse();
        login(username, PASSWORD).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        refresh(before.refreshToken()).expectStatus().isUnauthorized();

        UserView again = asAdmin("POST", "/" + worker.id() + "/disable", null).expectStatus().isOk()
                .expectBody(UserView.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(disabled);
        assertThat(changes(worker.id())).extracting(UserChange::type).containsExactly("DISABLED", "CREATED");

        asAdmin("POST", "/" + worker.id() + "/enable", null).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true);
        asAdmin("POST", "/" + worker.id() + "/enable", null).expectStatus().isOk();
        TokenResponse after = loggedIn(username, PASSWORD);
        refresh(after.refreshToken()).expectStatus().isOk();
        // a refresh token from before the disabling stays refused
        refresh(before.refreshToken()).expectStatus().isUnauthorized();
        assertThat(changes(worker.id())).extracting(UserChange::type)
                .containsExactly("ENABLED", "DISABLED", "CREATED");
    }

    // --- changing --------------------------------------------------------------------------------------------------

    @Test
    void rolesChangedThenTheNextTokenSaysSoAndRefreshTokensFromBeforeAreRefusedWhileARenameKeepsThem() {
        String username = unique("staff");
        UserView user = create(new NewUser(username, "话务员", List.of("AGENT"), null, null, PASSWORD));
        TokenResponse asAgent = loggedIn(username, PASSWORD);

        UserView renamed = asAdmin("PUT", "/" + user.id(), new UserEdit("话务员（夜班）", List.of("AGENT"), null, null))
                .expectStatus().isOk().expectBody(UserView.class).returnResult().getResponseBody();
        assertThat(renamed.displayName()).isEqualTo("话务员（夜班）");
        TokenResponse refreshed = refresh(asAgent.refreshToken()).expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody();

        UserView promoted = asAdmin("PUT", "/" + user.id(),
                new UserEdit("话务员（夜班）", List.of("SUPERVISOR", "AGENT"), null, null))
                .expectStatus().isOk().expectBody(UserView.class).returnResult().getResponseBody();
        assertThat(promoted.roles()).containsExactly("AGENT", "SUPERVISOR");
        refresh(refreshed.refreshToken()).expectStatus().isUnauthorized();
        JsonNode token = claims(loggedIn(username, PASSWORD).accessToken());
        assertThat(token.get("roles").values()).extracting(JsonNode::asString).containsExactly("AGENT", "SUPERVISOR");

        UserView repeated = asAdmin("PUT", "/" + user.id(),
                new UserEdit("话务员（夜班）", List.of("AGENT", "SUPERVISOR"), null, null))
                .expectStatus().isOk().expectBody(UserView.class).returnResult().getResponseBody();
        assertThat(repeated).isEqualTo(promoted);
        List<UserChange> changes = changes(user.id());
        assertThat(changes).extracting(UserChange::type).containsExactly("UPDATED", "UPDATED", "CREATED");
        assertThat(changes.get(0).changes()).containsOnlyKeys("roles");
        assertThat(changes.get(0).changes().get("roles").before()).isEqualTo(List.of("AGENT"));
        assertThat(changes.get(0).changes().get("roles").after()).isEqualTo(List.of("AGENT", "SUPERVISOR"));
        assertThat(changes).allSatisfy(c -> assertThat(c.actor()).isEqualTo("admin"));
    }

    @Test
    void workerMovedToAnotherGridThenRefreshRefusedAndTheNextTokenCarriesTheNewGrid() {
        String username = unique("worker");
        UserView worker = gridWorker(username);
        TokenResponse before = loggedIn(username, PASSWORD);

        asAdmin("PUT", "/" + worker.id(), new UserEdit("网格员测试", List.of("GRID_WORKER"), T01, T01_G02))
                .expectStatus().isOk().expectBody().jsonPath("$.gridId").isEqualTo(T01_G02.toString());
        refresh(before.refreshToken()).expectStatus().isUnauthorized();
        assertThat(claims(loggedIn(username, PASSWORD).accessToken()).get("grid").asString())
                .isEqualTo(T01_G02.toString());

        asAdmin("PUT", "/" + worker.id(), new UserEdit("网格员测试", List.of("GRID_WORKER"), T02, T01_G02))
                .expectStatus().isBadRequest();
        asAdmin("PUT", "/" + UUID.randomUUID(), new UserEdit("某人", List.of("AGENT"), null, null))
                .expectStatus().isNotFound();
    }

    @Test
    void passwordResetThenOnlyTheNewOneWorksRefreshTokensEndAndTheAuditHasNoPassword() {
        String username = unique("worker");
        UserView worker = gridWorker(username);
        TokenResponse before = loggedIn(username, PASSWORD);
        String fresh = "Brand-new-secret-42";

        asAdmin("POST", "/" + worker.id() + "/password", new PasswordReset(username + "-2026-pass"))
                .expectStatus().isBadRequest();
        asAdmin("POST", "/" + worker.id() + "/password", new PasswordReset(fresh)).expectStatus().isNoContent();

        login(username, PASSWORD).expectStatus().isUnauthorized();
        login(username, fresh).expectStatus().isOk();
        refresh(before.refreshToken()).expectStatus().isUnauthorized();
        List<UserChange> changes = changes(worker.id());
        assertThat(changes).extracting(UserChange::type).containsExactly("PASSWORD_RESET", "CREATED");
        assertThat(changes.get(0).changes()).isEmpty();
        String stored = db.sql("select string_agg(changes::text, ' ') as all from user_admin_event where user_id = :id")
                .bind("id", worker.id()).map(r -> r.get("all", String.class)).one().block();
        assertThat(stored).doesNotContain(fresh).doesNotContain(PASSWORD).doesNotContain("$2a$");
    }

    // --- lock-out --------------------------------------------------------------------------------------------------

    @Test
    void adminDisablingThemselvesOrDroppingTheirOwnAdminRoleThen409AndNothingChanges() {
        long events = rows("select count(*) from user_admin_event where user_id = :v", ADMIN);

        asAdmin("POST", "/" + ADMIN + "/disable", null).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("your own account"));
        asAdmin("PUT", "/" + ADMIN, new UserEdit("系统管理员", List.of("SUPERVISOR"), null, null))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("own ADMIN role"));

        UserView admin = asAdmin("GET", "/" + ADMIN, null).expectStatus().isOk().expectBody(UserView.class)
                .returnResult().getResponseBody();
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.roles()).containsExactly("ADMIN");
        assertThat(rows("select count(*) from user_admin_event where user_id = :v", ADMIN)).isEqualTo(events);
        login("admin", DemoOrganisation.passwordOf("admin")).expectStatus().isOk();
    }

    /**
     * A disabled administrator keeps an access token for its short life; with it they still cannot disable the last
     * enabled administrator. No other test creates an enabled administrator that stays enabled, so "admin" is the
     * last one once the second is disabled.
     */
    @Test
    void disabledAdministratorsTokenCannotDisableTheLastEnabledAdministrator() {
        String second = unique("admin");
        UserView other = create(new NewUser(second, "第二管理员", List.of("ADMIN"), null, null, PASSWORD));
        // The initial password must be changed before the account can do anything (decision 0036).
        String othersToken = http.post().uri("/api/v1/auth/password")
                .headers(h -> h.setBearerAuth(loggedIn(second, PASSWORD).accessToken()))
                .bodyValue(new PasswordChange(PASSWORD, "Second-admin-own-1")).exchange()
                .expectStatus().isOk().expectBody(TokenResponse.class).returnResult().getResponseBody().accessToken();
        asAdmin("POST", "/" + other.id() + "/disable", null).expectStatus().isOk();

        call(othersToken, "POST", "/" + ADMIN + "/disable", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("enabled administrator must remain"));
        call(othersToken, "PUT", "/" + ADMIN, new UserEdit("系统管理员", List.of("AUDITOR"), null, null))
                .expectStatus().isEqualTo(409);

        assertThat(asAdmin("GET", "/" + ADMIN, null).expectStatus().isOk().expectBody(UserView.class).returnResult()
                .getResponseBody().enabled()).isTrue();
        login("admin", DemoOrganisation.passwordOf("admin")).expectStatus().isOk();
    }

    // --- audit -----------------------------------------------------------------------------------------------------

    @Test
    void everyChangeThenOneAuditRowWithTheAdministratorTheTimeAndTheFieldsBeforeAndAfter() {
        String username = unique("handler");
        UserView user = create(new NewUser(username, "受理员", List.of("UNIT_HANDLER"), T01, null, PASSWORD));
        asAdmin("PUT", "/" + user.id(), new UserEdit("受理员", List.of("UNIT_HANDLER"), T02, null))
                .expectStatus().isOk();
        asAdmin("POST", "/" + user.id() + "/disable", null).expectStatus().isOk();

        List<Map<String, Object>> stored = db.sql("""
                        select type, actor, actor_id, occurred_at, changes::text as changes
                          from user_admin_event where user_id = :id order by id""")
                .bind("id", user.id()).fetch().all().collectList().block();
        assertThat(stored).extracting(r -> r.get("type")).containsExactly("CREATED", "UPDATED", "DISABLED");
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo("admin");
            assertThat(r.get("actor_id")).isEqualTo(ADMIN);
            assertThat(r.get("occurred_at")).isNotNull();
        });
        JsonNode moved = json.readTree((String) stored.get(1).get("changes"));
        assertThat(moved.get("unitId").get("before").asString()).isEqualTo(T01.toString());
        assertThat(moved.get("unitId").get("after").asString()).isEqualTo(T02.toString());
        JsonNode created = json.readTree((String) stored.get(0).get("changes"));
        assertThat(created.get("username").get("after").asString()).isEqualTo(username);
        assertThat(created.get("roles").get("after").values()).extracting(JsonNode::asString)
                .containsExactly("UNIT_HANDLER");
        assertThat((String) stored.get(0).get("changes")).doesNotContain(PASSWORD);

        call(bearer("supervisor1"), "GET", "/" + user.id() + "/changes", null).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(bearer("agent1"), "GET", "/" + user.id() + "/changes", null).expectStatus().isForbidden();
        call(null, "GET", "/" + user.id() + "/changes", null).expectStatus().isUnauthorized();
    }

    @Test
    void historyComesNewestFirstInKeysetPagesLikeAPartnersAndABadLimitCursorOrAccountIsAProblem() {
        UserView user = gridWorker(unique("pages"));
        for (int i = 0; i < 2; i++) {
            asAdmin("POST", "/" + user.id() + "/disable", null).expectStatus().isOk();
            asAdmin("POST", "/" + user.id() + "/enable", null).expectStatus().isOk();
        }

        UserChangePage first = changePage(user.id(), "?limit=2");
        assertThat(first.items()).extracting(UserChange::type).containsExactly("ENABLED", "DISABLED");
        assertThat(first.nextCursor()).isEqualTo(Long.toString(first.items().get(1).id()));
        UserChangePage second = changePage(user.id(), "?limit=2&cursor=" + first.nextCursor());
        assertThat(second.items()).extracting(UserChange::type).containsExactly("ENABLED", "DISABLED");
        assertThat(second.items().getFirst().id()).isLessThan(first.items().get(1).id());
        UserChangePage last = changePage(user.id(), "?limit=2&cursor=" + second.nextCursor());
        assertThat(last.items()).extracting(UserChange::type).containsExactly("CREATED");
        assertThat(last.nextCursor()).isNull();
        assertThat(changePage(user.id(), "").items()).as("default limit 50").hasSize(5);
        assertThat(changes(user.id())).extracting(UserChange::id).isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(changes(user.id())).extracting(UserChange::occurredAt)
                .isSortedAccordingTo(Comparator.reverseOrder());

        long events = rows("select count(*) from user_admin_event where user_id = :v", user.id());
        for (String bad : List.of("?limit=201", "?limit=-1", "?cursor=abc", "?cursor=0")) {
            asAdmin("GET", "/" + user.id() + "/changes" + bad, null).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).containsAnyOf("limit",
                            "cursor"));
        }
        asAdmin("GET", "/" + UUID.randomUUID() + "/changes", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rows("select count(*) from user_admin_event where user_id = :v", user.id())).isEqualTo(events);
    }
}
