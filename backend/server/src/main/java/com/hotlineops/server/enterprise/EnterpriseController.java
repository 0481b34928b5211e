package com.hotlineops.server.enterprise;

import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.ticket.ThreeWayCallRequest;
import com.hotlineops.core.enterprise.EnterpriseLedger;
import com.hotlineops.core.enterprise.LedgerEntry;
import com.hotlineops.core.config.HotlineProperties;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.server.report.ReportDocument;
import com.hotlineops.server.report.Ranges;
import com.hotlineops.server.report.XlsxFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Enterprise line routes (DESIGN.md §2.5). A three-way call is recorded by the agent or director who made it and is
 * idempotent on {@code commandId}; the ledger is read by supervisors, directors, auditors (the business-environment
 * office) and admins. Roles are checked in {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enterprise line", description = "政企通: three-way calls with policy specialists, the ledger (台账)")
class EnterpriseController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketService tickets;
    private final EnterpriseLedger ledger;
    private final ZoneId zone;

    EnterpriseController(TicketService tickets, EnterpriseLedger ledger, HotlineProperties properties) {
        this.tickets = tickets;
        this.ledger = ledger;
        this.zone = properties.zone();
    }

    @PostMapping("/tickets/{id}/three-way-calls")
    @Operation(summary = "Record a three-way call with a policy specialist on an open ticket: an event with the "
            + "specialist's name, unit and the call time; idempotent on commandId (AGENT, DIRECTOR)")
    Mono<CommandResult> threeWayCall(@PathVariable UUID id, @RequestBody ThreeWayCallRequest body,
            @AuthenticationPrincipal Jwt jwt) {
        return tickets.recordThreeWayCall(id, body, Actor.from(jwt));
    }

    @GetMapping("/enterprise/ledger.xlsx")
    @Operation(summary = "Ledger (台账) of the enterprise tickets created in [from, to) as XLSX; from/to are instants "
            + "or dates (Asia/Shanghai)")
    Mono<ResponseEntity<byte[]>> ledger(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Ranges.Range range = Ranges.parse(from, to, zone);
            return ledger.entries(range.from(), range.to()).collectList()
                    .publishOn(Schedulers.boundedElastic())
                    .map(entries -> XlsxFiles.write(document(range, entries)))
                    .map(bytes -> ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(XlsxFiles.MEDIA_TYPE))
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename("enterprise-ledger.xlsx").build().toString())
                            .body(bytes));
        });
    }

    /** The ledger's columns, one row per enterprise ticket. */
    static final List<String> COLUMNS = List.of("工单编号", "受理时间", "渠道", "等级", "企业名称", "统一社会信用代码", "分类",
            "标题", "承办单位", "状态", "办理期限", "办结时间", "审核人", "回访结果", "三方通话次数");

    private ReportDocument document(Ranges.Range range, List<LedgerEntry> entries) {
        List<List<Object>> rows = entries.stream().map(e -> Arrays.<Object>asList(e.number(), time(e.createdAt()),
                e.channel().name(), e.grade().name(), e.companyName(), e.creditCode(), e.categoryCode(), e.title(),
                e.unitName(), e.status().name(), time(e.finishDue()), time(e.closedAt()), e.auditedBy(),
                e.revisitResult(), e.threeWayCalls())).toList();
        return new ReportDocument("政企通工单台账", List.of("受理时间：" + time(range.from()) + " 至 " + time(range.to())
                + "（不含）", "共 " + entries.size() + " 件"), List.of(new ReportDocument.Table("ledger", "台账", COLUMNS, rows)));
    }

    private String time(Instant i) {
        return i == null ? null : TIME.format(i.atZone(zone));
    }
}
