package com.hotlineops.server.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.EnterpriseProfile;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.contract.ticket.ThreeWayCallRequest;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The enterprise line (DESIGN.md §2.5) on real PostgreSQL: profile, audit, revisit, three-way calls, ledger. */
class EnterpriseIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);
    private static final String HUAWEI = "914403001922038216";

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private WebTestClient.ResponseSpec post(String user, String path, Object body) {
        var spec = http.post().uri("/api/v1" + path).headers(h -> h.setBearerAuth(bearer(user)));
        return (body == null ? spec : spec.bodyValue(body)).exchange();
    }

    private TicketView ok(String user, UUID ticket, String action, Object body) {
        return post(user, "/tickets/" + ticket + "/" + action, body).expectStatus().isOk()
                .expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private TicketView intake(IntakeRequest request) {
        return post("agent1", "/intake", request).expectStatus().isCreated().expectBody(IntakeResult.class)
                .returnResult().getResponseBody().ticket();
    }

    private static IntakeRequest enterprise(String title, EnterpriseProfile company) {
        return new IntakeRequest(Channel.ENTERPRISE_LINE, null, new Citizen("王经理", "13800005555"), title,
                "企业反映：" + title, "1101", null, null, null, company);
    }

    /** Intake → dispatch → accept → finish: the ticket waits for its audit. */
    private UUID toAudit(IntakeRequest request) {
        UUID id = intake(request).id();
        post("agent1", "/tickets/" + id + "/submit", null).expectStatus().isOk();
        ok("dispatcher1", id, "dispatch", new DispatchRequest(T01, null, null));
        post("handler-t01", "/tickets/" + id + "/accept", new DeskCommand(UUID.randomUUID(), null)).expectStatus().isOk();
        post("handler-t01", "/tickets/" + id + "/finish", new DeskCommand(UUID.randomUUID(), "已协调解决"))
                .expectStatus().isOk();
        return id;
    }

    @Test
    void intakeWithCompanyKeepsNameAndCreditCodeOnTheTicket() {
        TicketView t = intake(enterprise("厂房用电报装", new EnterpriseProfile(" 华为技术有限公司 ", "914403001922038216")));
        assertThat(t.enterprise()).isEqualTo(new EnterpriseProfile("华为技术有限公司", HUAWEI));
        assertThat(t.grade()).isEqualTo(TicketGrade.ENTERPRISE_GENERAL);
        TicketView read = http.get().uri("/api/v1/tickets/" + t.id()).headers(h -> h.setBearerAuth(bearer("agent1")))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
        assertThat(read.enterprise()).isEqualTo(t.enterprise());
    }

    @Test
    void citizenTicketHasNoEnterpriseProfileAndEnterpriseGradeMakesOne() {
        TicketView citizen = intake(new IntakeRequest(Channel.HOTLINE, null, null, "路灯不亮", "路灯不亮", null, null,
                null, null));
        assertThat(citizen.enterprise()).isNull();
        TicketView graded = intake(new IntakeRequest(Channel.HOTLINE, null, null, "税务咨询", "税务咨询", null, null,
                TicketGrade.ENTERPRISE_COMPLEX, null));
        assertThat(graded.enterprise()).isEqualTo(new EnterpriseProfile(null, null));
    }

    @Test
    void intakeWithWrongCheckCharacterIsBadRequestAndCreatesNothing() {
        String externalId = "bad-code-" + UUID.randomUUID();
        IntakeRequest bad = new IntakeRequest(Channel.WEB_MESSAGE, externalId, null, "企业诉求", "企业诉求", null, null,
                null, true, new EnterpriseProfile("某公司", "914403001922038217"));
        post("agent1", "/intake", bad).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("creditCode"));
        IntakeRequest good = new IntakeRequest(Channel.WEB_MESSAGE, externalId, null, "企业诉求", "企业诉求", null, null,
                null, true, new EnterpriseProfile("某公司", HUAWEI));
        // The same external id is still free: the refused request stored nothing.
        post("agent1", "/intake", good).expectStatus().isCreated();
    }

    @Test
    void enterpriseTicketIsAuditedOnlyByTheBusinessEnvironmentOffice() {
        UUID id = toAudit(enterprise("招工补贴申请", new EnterpriseProfile("小米科技有限责任公司", "91110108551385082Q")));
        post("auditor1", "/tickets/" + id + "/audit/pass", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("business-environment"));
        post("auditor1", "/tickets/" + id + "/audit/reject", new ReasonRequest("补充材料")).expectStatus().isForbidden();
        assertThat(ok("auditor-biz", id, "audit/pass", null).status()).isEqualTo(TicketStatus.PENDING_REVISIT);
    }

    @Test
    void citizenTicketMayStillBeAuditedByAnyAuditor() {
        UUID id = toAudit(new IntakeRequest(Channel.HOTLINE, null, null, "噪音", "夜间施工噪音", null, null, null, null));
        assertThat(ok("auditor1", id, "audit/pass", null).status()).isEqualTo(TicketStatus.PENDING_REVISIT);
    }

    @Test
    void enterpriseTicketIsNeverClosedOnTheCall() {
        UUID id = intake(enterprise("政策咨询", null)).id();
        post("agent1", "/tickets/" + id + "/answer", new ReasonRequest("已电话解答")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("RECEIVED")
                .jsonPath("$.allowedActions[?(@ == 'ANSWER_DIRECTLY')]").doesNotExist()
                .jsonPath("$.allowedActions[?(@ == 'SUBMIT_FOR_DISPATCH')]").exists();
        UUID citizen = intake(new IntakeRequest(Channel.HOTLINE, null, null, "咨询", "社保咨询", null, null, null, null)).id();
        assertThat(ok("agent1", citizen, "answer", new ReasonRequest("已解答")).status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void unreachableRevisitsNeverCloseAnEnterpriseTicketOnlyAReachedPersonDoes() {
        UUID id = toAudit(enterprise("用地审批", new EnterpriseProfile("阿里巴巴（中国）有限公司", "91330100716105852F")));
        ok("auditor-biz", id, "audit/pass", null);
        for (int attempt = 1; attempt <= 5; attempt++) {
            TicketView t = ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.UNREACHABLE, null));
            assertThat(t.status()).as("after unreachable attempt %d", attempt).isEqualTo(TicketStatus.PENDING_REVISIT);
        }
        assertThat(ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, null)).status())
                .isEqualTo(TicketStatus.CLOSED);

        UUID citizen = toAudit(new IntakeRequest(Channel.HOTLINE, null, null, "井盖", "井盖缺失", null, null, null, null));
        ok("auditor1", citizen, "audit/pass", null);
        ok("revisit1", citizen, "revisit", new RevisitRequest(RevisitResult.UNREACHABLE, null));
        ok("revisit1", citizen, "revisit", new RevisitRequest(RevisitResult.UNREACHABLE, null));
        assertThat(ok("revisit1", citizen, "revisit", new RevisitRequest(RevisitResult.UNREACHABLE, null)).status())
                .isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void threeWayCallIsRecordedOnceAsAnEventEvenWhenRetried() {
        UUID id = intake(enterprise("出口退税", new EnterpriseProfile("深圳市腾讯计算机系统有限公司", "91440300708461136T"))).id();
        Instant calledAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ThreeWayCallRequest call = new ThreeWayCallRequest(UUID.randomUUID(), "李专员", "区税务局", calledAt, "已解释退税流程");
        CommandResult first = post("agent1", "/tickets/" + id + "/three-way-calls", call).expectStatus().isOk()
                .expectBody(CommandResult.class).returnResult().getResponseBody();
        CommandResult retry = post("agent1", "/tickets/" + id + "/three-way-calls", call).expectStatus().isOk()
                .expectBody(CommandResult.class).returnResult().getResponseBody();
        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.ticket()).isEqualTo(first.ticket());
        assertThat(first.ticket().status()).isEqualTo(TicketStatus.RECEIVED);

        List<TicketEventView> calls = http.get().uri("/api/v1/tickets/" + id + "/history")
                .headers(h -> h.setBearerAuth(bearer("agent1"))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<TicketEventView>>() { }).returnResult()
                .getResponseBody().stream().filter(e -> e.type().equals("THREE_WAY_CALL")).toList();
        assertThat(calls).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("agent1");
            assertThat(e.detail()).containsEntry("specialistName", "李专员").containsEntry("specialistUnit", "区税务局")
                    .containsEntry("calledAt", calledAt.toString());
        });
    }

    @Test
    void threeWayCallWithoutSpecialistOrInTheFutureIsBadRequestAndDispatcherIsForbidden() {
        UUID id = intake(enterprise("融资咨询", null)).id();
        post("agent1", "/tickets/" + id + "/three-way-calls",
                new ThreeWayCallRequest(UUID.randomUUID(), " ", "区金融办", null, null)).expectStatus().isBadRequest();
        post("agent1", "/tickets/" + id + "/three-way-calls", new ThreeWayCallRequest(UUID.randomUUID(), "赵专员",
                "区金融办", Instant.now().plus(1, ChronoUnit.HOURS), null)).expectStatus().isBadRequest();
        post("dispatcher1", "/tickets/" + id + "/three-way-calls",
                new ThreeWayCallRequest(UUID.randomUUID(), "赵专员", "区金融办", null, null)).expectStatus().isForbidden();
    }

    @Test
    void ledgerListsEnterpriseTicketsOfTheRangeReadBackFromTheXlsx() throws IOException {
        TicketView t = intake(enterprise("台账测试" + UUID.randomUUID().toString().substring(0, 8),
                new EnterpriseProfile("北京百度网讯科技有限公司", "91110000802100433B")));
        post("agent1", "/tickets/" + t.id() + "/three-way-calls",
                new ThreeWayCallRequest(UUID.randomUUID(), "周专员", "区发改委", null, null)).expectStatus().isOk();
        TicketView citizen = intake(new IntakeRequest(Channel.HOTLINE, null, null, "台账外", "不是企业", null, null,
                null, null));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        byte[] file = http.get().uri("/api/v1/enterprise/ledger.xlsx?from=" + today + "&to=" + today.plusDays(1))
                .headers(h -> h.setBearerAuth(bearer("auditor-biz"))).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.findSheet("台账").orElseThrow();
            List<Row> rows = sheet.read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("工单编号");
            List<String> numbers = rows.stream().skip(1).map(r -> r.getCellText(0)).toList();
            assertThat(numbers).contains(t.number()).doesNotContain(citizen.number());
            Row ours = rows.stream().filter(r -> t.number().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(ours.getCellText(4)).isEqualTo("北京百度网讯科技有限公司");
            assertThat(ours.getCellText(5)).isEqualTo("91110000802100433B");
            assertThat(ours.getCellText(2)).isEqualTo("ENTERPRISE_LINE");
            assertThat(ours.getCell(14).asNumber().intValue()).isEqualTo(1);
        }
    }

    @Test
    void ledgerIsForbiddenToAgentsAndNeedsARange() {
        http.get().uri("/api/v1/enterprise/ledger.xlsx?from=2026-01-01&to=2026-02-01")
                .headers(h -> h.setBearerAuth(bearer("agent1"))).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/enterprise/ledger.xlsx?from=2026-02-01&to=2026-01-01")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/enterprise/ledger.xlsx?from=yesterday&to=2026-01-01")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isBadRequest();
    }
}
