package com.hotlineops.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.Citizen;
import com.hotlineops.contract.ticket.DeskCommand;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.EmergencyTransfer;
import com.hotlineops.contract.ticket.ExtensionRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.contract.ticket.MergeRequest;
import com.hotlineops.contract.ticket.ReasonRequest;
import com.hotlineops.contract.ticket.RevisitRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.server.BackendIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every transition of DESIGN.md §2.2 over HTTP on real PostgreSQL, illegal ones and role denial beside them. */
class TicketLifecycleIntegrationTests extends BackendIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final UUID T01 = DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_CHENGGUAN);

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private WebTestClient.ResponseSpec post(String user, UUID ticket, String action, Object body) {
        var spec = http.post().uri("/api/v1/tickets/" + ticket + "/" + action).headers(h -> h.setBearerAuth(bearer(user)));
        return (body == null ? spec : spec.bodyValue(body)).exchange();
    }

    private TicketView ok(String user, UUID ticket, String action, Object body) {
        return post(user, ticket, action, body).expectStatus().isOk().expectBody(TicketView.class).returnResult()
                .getResponseBody();
    }

    private CommandResult command(String user, UUID ticket, String action, DeskCommand body) {
        return post(user, ticket, action, body).expectStatus().isOk().expectBody(CommandResult.class).returnResult()
                .getResponseBody();
    }

    private TicketView get(UUID ticket) {
        return http.get().uri("/api/v1/tickets/" + ticket).headers(h -> h.setBearerAuth(bearer("supervisor1")))
                .exchange().expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private List<TicketEventView> history(String user, UUID ticket) {
        return http.get().uri("/api/v1/tickets/" + ticket + "/history").headers(h -> h.setBearerAuth(bearer(user)))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<TicketEventView>>() { }).returnResult()
                .getResponseBody();
    }

    /** 409 naming the current state and the allowed actions; the ticket is unchanged. */
    private void conflict(String user, UUID ticket, String action, Object body, TicketStatus current) {
        long version = get(ticket).version();
        post(user, ticket, action, body).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo(current.name())
                .jsonPath("$.allowedActions").isArray();
        TicketView after = get(ticket);
        assertThat(after.status()).isEqualTo(current);
        assertThat(after.version()).isEqualTo(version);
    }

    private void forbidden(String user, UUID ticket, String action, Object body) {
        long version = get(ticket).version();
        post(user, ticket, action, body).expectStatus().isForbidden();
        assertThat(get(ticket).version()).isEqualTo(version);
    }

    private UUID intake(Channel channel) {
        return http.post().uri("/api/v1/intake").headers(h -> h.setBearerAuth(bearer("agent1")))
                .bodyValue(new IntakeRequest(channel, null, new Citizen("李四", "13900002222"), "噪音扰民",
                        "楼下商铺夜间施工", null, "城关街道", null, null))
                .exchange().expectStatus().isCreated().expectBody(IntakeResult.class).returnResult()
                .getResponseBody().ticket().id();
    }

    private UUID received() {
        return intake(Channel.HOTLINE);
    }

    private UUID dispatched() {
        UUID id = intake(Channel.WEB_MESSAGE);
        ok("dispatcher1", id, "dispatch", new DispatchRequest(T01, null, "请核实"));
        return id;
    }

    private UUID accepted() {
        UUID id = dispatched();
        command("handler-t01", id, "accept", new DeskCommand(UUID.randomUUID(), null));
        return id;
    }

    private UUID finished() {
        UUID id = accepted();
        command("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "已协调商铺停止夜间施工"));
        return id;
    }

    private UUID waitingForRevisit() {
        UUID id = finished();
        ok("auditor1", id, "audit/pass", new ReasonRequest("材料齐全"));
        return id;
    }

    @Test
    void answerDirectlyClosesAndRepeatingIsConflictWhileDispatcherIsForbidden() {
        UUID id = received();
        forbidden("dispatcher1", id, "answer", new ReasonRequest("知识库答复"));
        TicketView closed = ok("agent1", id, "answer", new ReasonRequest("已按知识库答复：办理地点在政务中心"));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        conflict("agent1", id, "answer", new ReasonRequest("again"), TicketStatus.CLOSED);
        assertThat(history("agent1", id)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("ANSWER_DIRECTLY");
            assertThat(e.actor()).isEqualTo("agent1");
            assertThat(e.from()).isEqualTo(TicketStatus.RECEIVED);
            assertThat(e.to()).isEqualTo(TicketStatus.CLOSED);
            assertThat(e.reason()).contains("政务中心");
        });
    }

    @Test
    void answerWithoutReasonThenBadRequestAndNothingChanged() {
        UUID id = received();
        post("agent1", id, "answer", new ReasonRequest(" ")).expectStatus().isBadRequest();
        post("agent1", id, "answer", new ReasonRequest(null)).expectStatus().isBadRequest();
        assertThat(get(id).status()).isEqualTo(TicketStatus.RECEIVED);
    }

    @Test
    void emergencyTransferRecordsTheNumberAndOnlyFromReceived() {
        UUID id = received();
        post("agent1", id, "emergency", new EmergencyTransfer("12345", null)).expectStatus().isBadRequest();
        TicketView moved = ok("agent1", id, "emergency", new EmergencyTransfer("119", "厨房起火"));
        assertThat(moved.status()).isEqualTo(TicketStatus.TRANSFERRED_EMERGENCY);
        assertThat(history("supervisor1", id)).last().satisfies(e -> assertThat(e.reason()).contains("119"));
        conflict("agent1", dispatched(), "emergency", new EmergencyTransfer("110", null), TicketStatus.DISPATCHED);
    }

    @Test
    void returnFromAcceptedRejectedThenBackToAcceptedWithItsHandler() {
        UUID id = accepted();
        UUID handler = get(id).assigneeId();
        command("handler-t01", id, "return", new DeskCommand(UUID.randomUUID(), "不属于本街道职责"));
        assertThat(get(id).status()).isEqualTo(TicketStatus.RETURN_REQUESTED);
        forbidden("handler-t01", id, "return/reject", new ReasonRequest("no"));
        post("dispatcher1", id, "return/reject", new ReasonRequest("")).expectStatus().isBadRequest();
        TicketView back = ok("dispatcher1", id, "return/reject", new ReasonRequest("属地管理，请继续办理"));
        assertThat(back.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(back.assigneeId()).isEqualTo(handler);
        conflict("dispatcher1", id, "return/approve", null, TicketStatus.ACCEPTED);
    }

    @Test
    void returnFromDispatchedRejectedThenBackToDispatched() {
        UUID id = dispatched();
        command("handler-t01", id, "return", new DeskCommand(UUID.randomUUID(), "地址不在辖区"));
        assertThat(ok("dispatcher1", id, "return/reject", new ReasonRequest("地址核实在辖区内")).status())
                .isEqualTo(TicketStatus.DISPATCHED);
    }

    @Test
    void returnApprovedThenBackInTheDispatchQueueWithoutUnitOrClocksAndRedispatchable() {
        UUID id = dispatched();
        command("handler-t01", id, "return", new DeskCommand(UUID.randomUUID(), "应由住建局办理"));
        TicketView queued = ok("dispatcher1", id, "return/approve", new ReasonRequest("改派住建局"));
        assertThat(queued.status()).isEqualTo(TicketStatus.PENDING_DISPATCH);
        assertThat(queued.unitId()).isNull();
        assertThat(queued.finishDue()).isNull();
        // the unit no longer sees it
        http.get().uri("/api/v1/tickets/" + id).headers(h -> h.setBearerAuth(bearer("handler-t01"))).exchange()
                .expectStatus().isNotFound();
        TicketView redispatched = ok("dispatcher1", id, "dispatch",
                new DispatchRequest(DemoOrganisation.idOf("DEP-HOUSING"), null, null));
        assertThat(redispatched.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(redispatched.finishDue()).isNotNull();
    }

    @Test
    void returnWithSameCommandIdTwiceThenReplayedNotAppliedAgain() {
        UUID id = dispatched();
        DeskCommand command = new DeskCommand(UUID.randomUUID(), "不属于本街道职责");
        CommandResult first = command("handler-t01", id, "return", command);
        CommandResult again = command("handler-t01", id, "return", command);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(get(id).version()).isEqualTo(first.ticket().version());
    }

    @Test
    void finishOnDispatchedTicketThenConflictNamingAcceptAsAllowed() {
        UUID id = dispatched();
        long version = get(id).version();
        post("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "done")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("DISPATCHED")
                .jsonPath("$.allowedActions[?(@ == 'ACCEPT')]").exists();
        assertThat(get(id).version()).isEqualTo(version);
    }

    @Test
    void anotherUnitsHandlerCannotSeeOrActOnTheTicket() {
        UUID id = intake(Channel.WEB_MESSAGE);
        ok("dispatcher1", id, "dispatch", new DispatchRequest(DemoOrganisation.idOf(DemoOrganisation.TOWNSHIP_DONGHU),
                null, null));
        post("handler-t01", id, "accept", new DeskCommand(UUID.randomUUID(), null)).expectStatus().isNotFound();
        http.get().uri("/api/v1/tickets/" + id + "/history").headers(h -> h.setBearerAuth(bearer("handler-t01")))
                .exchange().expectStatus().isNotFound();
        assertThat(get(id).status()).isEqualTo(TicketStatus.DISPATCHED);
    }

    @Test
    void auditRejectSendsBackToAcceptedAndAuditPassWaitsForRevisitOnlyForAuditors() {
        UUID id = finished();
        forbidden("revisit1", id, "audit/pass", null);
        post("auditor1", id, "audit/reject", new ReasonRequest(null)).expectStatus().isBadRequest();
        assertThat(ok("auditor1", id, "audit/reject", new ReasonRequest("缺少现场照片")).status())
                .isEqualTo(TicketStatus.ACCEPTED);
        command("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "已补充照片"));
        assertThat(ok("auditor1", id, "audit/pass", null).status()).isEqualTo(TicketStatus.PENDING_REVISIT);
        conflict("auditor1", id, "audit/pass", null, TicketStatus.PENDING_REVISIT);
    }

    @Test
    void revisitSatisfiedOrBasicallySatisfiedClosesButAuditorMayNotRevisit() {
        UUID id = waitingForRevisit();
        forbidden("auditor1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, null));
        assertThat(ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.SATISFIED, "满意")).status())
                .isEqualTo(TicketStatus.CLOSED);
        UUID other = waitingForRevisit();
        assertThat(ok("revisit1", other, "revisit", new RevisitRequest(RevisitResult.BASICALLY_SATISFIED, null))
                .status()).isEqualTo(TicketStatus.CLOSED);
        conflict("revisit1", other, "revisit", new RevisitRequest(RevisitResult.SATISFIED, null), TicketStatus.CLOSED);
    }

    @Test
    void revisitUnsatisfiedReopensToAcceptedAndTagsTheTicket() {
        UUID id = waitingForRevisit();
        assertThat(ok("revisit1", id, "revisit", new RevisitRequest(RevisitResult.UNSATISFIED, "问题仍存在")).status())
                .isEqualTo(TicketStatus.ACCEPTED);
        assertThat(history("revisit1", id)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("REVISIT_UNSATISFIED");
            assertThat(e.from()).isEqualTo(TicketStatus.PENDING_REVISIT);
        });
    }

    @Test
    void revisitUnreachableThreeTimesThenClosedAfterTheThird() {
        UUID id = waitingForRevisit();
        RevisitRequest unreachable = new RevisitRequest(RevisitResult.UNREACHABLE, "无人接听");
        assertThat(ok("revisit1", id, "revisit", unreachable).status()).isEqualTo(TicketStatus.PENDING_REVISIT);
        assertThat(ok("revisit1", id, "revisit", unreachable).status()).isEqualTo(TicketStatus.PENDING_REVISIT);
        assertThat(ok("revisit1", id, "revisit", unreachable).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(history("revisit1", id)).extracting(TicketEventView::type).endsWith("REVISIT_UNREACHABLE",
                "REVISIT_UNREACHABLE", "REVISIT_CLOSE");
        post("revisit1", id, "revisit", new RevisitRequest(null, null)).expectStatus().isBadRequest();
    }

    @Test
    void mergeIntoOpenParentThenMergedAndAgainConflictWhileAgentIsForbidden() {
        UUID parent = dispatched();
        UUID duplicate = intake(Channel.WEB_MESSAGE);
        forbidden("agent1", duplicate, "merge", new MergeRequest(parent, "重复"));
        post("dispatcher1", duplicate, "merge", new MergeRequest(duplicate, null)).expectStatus().isBadRequest();
        TicketView merged = ok("dispatcher1", duplicate, "merge", new MergeRequest(parent, "同一商铺噪音"));
        assertThat(merged.status()).isEqualTo(TicketStatus.MERGED);
        assertThat(history("dispatcher1", duplicate)).last()
                .satisfies(e -> assertThat(e.reason()).contains(get(parent).number()));
        conflict("dispatcher1", duplicate, "merge", new MergeRequest(parent, null), TicketStatus.MERGED);
        UUID another = intake(Channel.WEB_MESSAGE);
        post("dispatcher1", another, "merge", new MergeRequest(duplicate, null)).expectStatus().isBadRequest();
    }

    @Test
    void historyListsEveryStepWithActorReasonAndStatesInOrder() {
        UUID id = waitingForRevisit();
        List<TicketEventView> events = history("supervisor1", id);
        assertThat(events).extracting(TicketEventView::type).containsExactly("RECEIVED", "SUBMIT_FOR_DISPATCH",
                "DISPATCH", "ACCEPT", "FINISH", "AUDIT_PASS");
        assertThat(events).extracting(TicketEventView::version).isSorted();
        assertThat(events.get(2)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dispatcher1");
            assertThat(e.reason()).isEqualTo("请核实");
            assertThat(e.from()).isEqualTo(TicketStatus.PENDING_DISPATCH);
            assertThat(e.to()).isEqualTo(TicketStatus.DISPATCHED);
            assertThat(e.occurredAt()).isNotNull();
        });
        assertThat(events.get(4).actor()).isEqualTo("handler-t01");
    }

    private java.time.Instant workingDaysAfter(java.time.Instant start, int days) {
        return http.get().uri("/api/v1/calendar/add?start=" + start + "&amount=" + days + "&unit=WORKING_DAYS")
                .headers(h -> h.setBearerAuth(bearer("agent1"))).exchange().expectStatus().isOk()
                .expectBody(com.hotlineops.contract.calendar.DueTime.class).returnResult().getResponseBody().due();
    }

    @Test
    void extensionRequestedThenApprovedByDispatcherAddsWorkingDaysToTheFinishDeadline() {
        UUID id = accepted();
        TicketView before = get(id);
        post("handler-t01", id, "extension", new ExtensionRequest(0, "需协调多部门")).expectStatus().isBadRequest();
        ok("handler-t01", id, "extension", new ExtensionRequest(2, "需协调多部门"));
        conflict("handler-t01", id, "extension", new ExtensionRequest(1, "again"), TicketStatus.ACCEPTED);
        forbidden("handler-t01", id, "extension/approve", null);
        TicketView extended = ok("dispatcher1", id, "extension/approve", new ReasonRequest("同意"));
        assertThat(extended.finishDue()).isAfter(before.finishDue())
                .isEqualTo(workingDaysAfter(before.dispatchedAt(), 3 + 2));
        post("dispatcher1", id, "extension/approve", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions[?(@ == 'APPROVE_EXTENSION')]").doesNotExist()
                .jsonPath("$.allowedActions[?(@ == 'REQUEST_EXTENSION')]").exists();
        assertThat(history("dispatcher1", id)).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("APPROVE_EXTENSION");
            assertThat(e.detail()).containsKey("finishDue");
        });
    }

    @Test
    void extensionRejectedThenDeadlineStaysAndOnlyBeforeAcceptanceItIsConflict() {
        UUID id = accepted();
        TicketView before = get(id);
        ok("handler-t01", id, "extension", new ExtensionRequest(1, "等待材料"));
        post("dispatcher1", id, "extension/reject", new ReasonRequest("")).expectStatus().isBadRequest();
        assertThat(ok("dispatcher1", id, "extension/reject", new ReasonRequest("时限内可办结")).finishDue())
                .isEqualTo(before.finishDue());
        conflict("handler-t01", dispatched(), "extension", new ExtensionRequest(1, "x"), TicketStatus.DISPATCHED);
    }

    @Test
    void pauseStopsTheFinishClockAndResumeRestartsItNoEarlier() {
        UUID id = accepted();
        TicketView before = get(id);
        forbidden("auditor1", id, "pause", new ReasonRequest("等待市民补充材料"));
        TicketView paused = ok("handler-t01", id, "pause", new ReasonRequest("等待市民补充材料"));
        assertThat(paused.finishDue()).isNull();
        conflict("dispatcher1", id, "pause", new ReasonRequest("again"), TicketStatus.ACCEPTED);
        TicketView resumed = ok("dispatcher1", id, "resume", null);
        assertThat(resumed.finishDue()).isAfterOrEqualTo(before.finishDue());
        conflict("handler-t01", id, "resume", null, TicketStatus.ACCEPTED);
    }

    @Test
    void finishingWhileAnExtensionWaitsLetsTheRequestLapseSoTheReworkedTicketIsNotInTheExtensionQueue() {
        UUID id = accepted();
        TicketView before = get(id);
        ok("handler-t01", id, "extension", new ExtensionRequest(2, "需协调多部门"));
        command("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "已协调办结"));
        TicketView finished = get(id);
        assertThat(finished.overlays().extensionDaysRequested()).isNull();
        assertThat(finished.overlays().extensionReason()).isNull();
        assertThat(finished.finishDue()).isEqualTo(before.finishDue());

        ok("auditor1", id, "audit/reject", new ReasonRequest("缺少现场照片"));
        TicketView reworked = get(id);
        assertThat(reworked.overlays().extensionDaysRequested()).isNull();
        // Nothing left to decide: the dispatcher's approval is refused, and the handler may ask again.
        post("dispatcher1", id, "extension/approve", new ReasonRequest("同意")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions[?(@ == 'APPROVE_EXTENSION')]").doesNotExist()
                .jsonPath("$.allowedActions[?(@ == 'REQUEST_EXTENSION')]").exists();
        assertThat(ok("handler-t01", id, "extension", new ExtensionRequest(1, "补充照片需时"))
                .overlays().extensionDaysRequested()).isEqualTo(1);
    }

    @Test
    void finishingWhilePausedEndsThePauseSoTheTicketLeavesAndComesBackWithAFinishDeadline() {
        UUID id = accepted();
        TicketView before = get(id);
        assertThat(ok("handler-t01", id, "pause", new ReasonRequest("等待市民补充材料")).finishDue()).isNull();
        command("handler-t01", id, "finish", new DeskCommand(UUID.randomUUID(), "市民材料已补齐，已办结"));
        TicketView finished = get(id);
        assertThat(finished.overlays().pausedAt()).isNull();
        assertThat(finished.finishDue()).isAfterOrEqualTo(before.finishDue())
                .isBefore(before.finishDue().plus(java.time.Duration.ofHours(1)));

        TicketView reworked = ok("auditor1", id, "audit/reject", new ReasonRequest("缺少现场照片"));
        assertThat(reworked.overlays().pausedAt()).isNull();
        assertThat(reworked.finishDue()).isEqualTo(finished.finishDue());
        assertThat(ok("handler-t01", id, "pause", new ReasonRequest("再次等待材料")).finishDue()).isNull();
    }

    @Test
    void returningWhilePausedWithAnExtensionWaitingEndsBothAndARefusedReturnKeepsTheTicketRunning() {
        UUID id = accepted();
        TicketView before = get(id);
        ok("handler-t01", id, "extension", new ExtensionRequest(2, "需协调多部门"));
        ok("handler-t01", id, "pause", new ReasonRequest("等待市民补充材料"));
        command("handler-t01", id, "return", new DeskCommand(UUID.randomUUID(), "不属于本街道职责"));
        TicketView back = ok("dispatcher1", id, "return/reject", new ReasonRequest("属地管理，请继续办理"));
        assertThat(back.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(back.overlays().pausedAt()).isNull();
        assertThat(back.overlays().extensionDaysRequested()).isNull();
        assertThat(back.finishDue()).isAfterOrEqualTo(before.finishDue())
                .isBefore(before.finishDue().plus(java.time.Duration.ofHours(1)));
    }

    @Test
    void dispatchAgainAfterAReturnStartsTheFinishClockAfreshWithoutTheFirstDispatchsExtension() {
        UUID id = accepted();
        ok("handler-t01", id, "extension", new ExtensionRequest(2, "需协调多部门"));
        assertThat(ok("dispatcher1", id, "extension/approve", new ReasonRequest("同意")).overlays().extendedDays())
                .isEqualTo(2);
        command("handler-t01", id, "return", new DeskCommand(UUID.randomUUID(), "应由住建局办理"));
        ok("dispatcher1", id, "return/approve", new ReasonRequest("改派"));
        TicketView again = ok("dispatcher1", id, "dispatch", new DispatchRequest(T01, null, "请重新核实"));
        assertThat(again.overlays().extendedDays()).isZero();
        java.time.Instant fresh = workingDaysAfter(again.dispatchedAt(), 3);
        assertThat(again.finishDue()).isEqualTo(fresh);

        // A deadline recomputed later (here by a pause and a resume) starts from this dispatch alone.
        command("handler-t01", id, "accept", new DeskCommand(UUID.randomUUID(), null));
        ok("handler-t01", id, "pause", new ReasonRequest("等待市民补充材料"));
        TicketView resumed = ok("dispatcher1", id, "resume", null);
        assertThat(resumed.finishDue()).isAfterOrEqualTo(fresh)
                .isBefore(fresh.plus(java.time.Duration.ofHours(1)));
    }
}
