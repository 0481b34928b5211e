package com.hotlineops.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.hotspot.Hotspots;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.Count;
import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.UnitBulletin;
import com.hotlineops.contract.report.UnitRates;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.DispatchRequest;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.RevisitResult;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.core.org.OrgUnit;
import com.hotlineops.core.report.ReportService;
import com.hotlineops.core.security.Actor;
import com.hotlineops.core.security.Role;
import com.hotlineops.core.ticket.TicketService;
import com.hotlineops.server.BackendIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports of DESIGN.md §2.8 on real PostgreSQL: the three rates through the real lifecycle, the figures of real
 * Baltimore 311 tickets against a count made here from the CSV, the files against the JSON, the Monday job, roles.
 */
class ReportIntegrationTests extends BackendIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    TicketService tickets;

    @Autowired
    ReportService reports;

    private String bearer(String user) {
        return TOKENS.computeIfAbsent(user, u -> token(http, u));
    }

    private <T> T get(String user, String uri, Class<T> type) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(bearer(user))).exchange().expectStatus().isOk()
                .expectBody(type).returnResult().getResponseBody();
    }

    private static Actor actor(String username, Role role, UUID unit) {
        return new Actor(DemoOrganisation.idOf(username), username, Set.of(role), unit, null);
    }

    /** How each ticket of the rates scenario ends: its revisit results in order (empty: not signed for). */
    private record Scenario(String name, List<RevisitResult> revisits, boolean accepted) {
    }

    @Test
    void threeRatesThroughTheLifecycleMatchTheirDefinitions() {
        String code = "RATES-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = new StoredTickets(db).unit(code, "三率测试单位");
        UUID office = DemoOrganisation.idOf(OrgUnit.BUSINESS_ENVIRONMENT_OFFICE);
        Actor agent = actor("agent1", Role.AGENT, null);
        Actor dispatcher = actor("dispatcher1", Role.DISPATCHER, null);
        Actor handler = actor("handler-t01", Role.UNIT_HANDLER, unit);
        Actor auditor = actor("auditor-biz", Role.AUDITOR, office);
        Actor revisit = actor("revisit1", Role.REVISIT, null);
        List<Scenario> scenarios = List.of(
                new Scenario("A", List.of(RevisitResult.SATISFIED), true),
                new Scenario("B", List.of(RevisitResult.UNSATISFIED), true),
                new Scenario("C", List.of(RevisitResult.UNREACHABLE, RevisitResult.UNREACHABLE,
                        RevisitResult.UNREACHABLE), true),
                new Scenario("D", List.of(), false),
                new Scenario("E", List.of(RevisitResult.BASICALLY_SATISFIED), true),
                new Scenario("F", List.of(RevisitResult.UNREACHABLE), true));
        for (Scenario s : scenarios) {
            UUID id = tickets.intake(new IntakeRequest(Channel.WEB_MESSAGE, null, null, "三率" + s.name(), "三率测试",
                    "1302", null, null, null), agent).block().ticket().id();
            tickets.dispatch(id, new DispatchRequest(unit, null, null), dispatcher).block();
            if (!s.accepted()) {
                continue;
            }
            tickets.accept(new TicketCommand(UUID.randomUUID(), id, null), handler).block();
            tickets.finish(new TicketCommand(UUID.randomUUID(), id, "办结"), handler).block();
            tickets.auditPass(id, null, auditor).block();
            for (RevisitResult r : s.revisits()) {
                tickets.revisit(id, r, null, revisit).block();
            }
        }

        // The definitions of ReportService, applied to the scenario table.
        long dispatched = scenarios.size();
        long onTime = scenarios.stream().filter(Scenario::accepted).count();
        List<String> outcomes = scenarios.stream().map(s -> outcome(s.revisits())).toList();
        long revisited = outcomes.stream().filter(o -> o != null).count();
        long resolved = outcomes.stream().filter(o -> o != null && !o.equals("UNSATISFIED")).count();
        long reached = outcomes.stream().filter(o -> o != null && !o.equals("UNREACHABLE_CLOSED")).count();
        long satisfied = outcomes.stream().filter(o -> "SATISFIED".equals(o) || "BASICALLY_SATISFIED".equals(o)).count();

        WeeklyReport week = get("supervisor1", "/api/v1/reports/weekly?week=" + LocalDate.now(SHANGHAI),
                WeeklyReport.class);
        UnitRates rates = week.units().stream().filter(u -> unit.equals(u.unitId())).findFirst().orElseThrow();
        assertThat(rates.unitName()).isEqualTo("三率测试单位");
        assertThat(rates.dispatched()).isEqualTo(dispatched);
        assertThat(rates.signedForOnTime()).isEqualTo(onTime);
        assertThat(rates.responseRate()).isEqualTo((double) onTime / dispatched);
        assertThat(rates.revisited()).isEqualTo(revisited);
        assertThat(rates.resolved()).isEqualTo(resolved);
        assertThat(rates.resolutionRate()).isEqualTo((double) resolved / revisited);
        assertThat(rates.revisitedReached()).isEqualTo(reached);
        assertThat(rates.satisfied()).isEqualTo(satisfied);
        assertThat(rates.satisfactionRate()).isEqualTo((double) satisfied / reached);

        Instant now = Instant.now();
        Bulletin bulletin = get("supervisor1", "/api/v1/reports/bulletin?from=" + now.minus(Duration.ofDays(1)) + "&to="
                + now.plus(Duration.ofDays(1)), Bulletin.class);
        assertThat(bulletin.units().stream().filter(u -> unit.equals(u.unitId())).mapToLong(UnitBulletin::unsatisfied)
                .sum()).isEqualTo(outcomes.stream().filter("UNSATISFIED"::equals).count());
    }

    /** The last outcome of a ticket's revisits: closed (by result), reopened, or none (unreachable and still open). */
    private static String outcome(List<RevisitResult> revisits) {
        if (revisits.isEmpty()) {
            return null;
        }
        RevisitResult last = revisits.getLast();
        if (last == RevisitResult.UNREACHABLE) {
            return revisits.stream().filter(r -> r == RevisitResult.UNREACHABLE).count() >= 3 ? "UNREACHABLE_CLOSED"
                    : null;
        }
        return last.name();
    }

    // ---- Real 311 tickets ------------------------------------------------------------------------------------------

    /** Baltimore agencies onto units this test creates (the rest share one "other" unit). */
    private static final Map<String, String> AGENCY_UNITS = Map.of("Solid Waste", "B311-SW", "Transportation",
            "B311-TR", "Housing", "B311-HCD", "Water Wastewater", "B311-WW");
    private static final Map<String, String> UNIT_NAMES = Map.of("B311-SW", "环卫（Solid Waste）", "B311-TR",
            "交通（Transportation）", "B311-HCD", "住建（Housing）", "B311-WW", "水务（Water Wastewater）", "B311-OTHER",
            "其他（Baltimore 其余部门）");

    /**
     * SRType prefixes onto our category tree (category/categories.csv): SW- sanitation → 0204 垃圾清运, TR*- traffic →
     * 0303 道路交通, HCD- housing → 1003 房屋质量, WW- water → 0104 供水, BGE- energy → 0105 供电, the rest → 1301 办事指南.
     */
    private static String category(String srType) {
        String prefix = srType.contains("-") ? srType.substring(0, srType.indexOf('-')) : srType;
        return switch (prefix) {
            case "SW" -> "0204";
            case "HCD" -> "1003";
            case "WW" -> "0104";
            case "BGE" -> "0105";
            default -> prefix.startsWith("TR") ? "0303" : "1301";
        };
    }

    private record Row311(String number, LocalDateTime created, LocalDateTime due, LocalDateTime closed,
            String category, String unitCode, boolean closedStatus) {
    }

    private static final DateTimeFormatter BALTIMORE = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    /**
     * The Baltimore sample's rows created from December 2017 to the end of 2018 (2018 for the figures, December for the
     * hotspot baseline). Their local times are read as Asia/Shanghai times: the calendar rules are what is tested.
     */
    private static List<Row311> baltimore() throws IOException {
        Path csv = Path.of(System.getProperty("hotline.shared.dir", "../../../shared"), "data", "311",
                "baltimore-311_sample.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = csvFields(lines.getFirst());
        List<Row311> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csvFields(line);
            LocalDateTime created = time(f.get(header.indexOf("CreatedDate")));
            if (created.isBefore(LocalDateTime.of(2017, 12, 1, 0, 0)) || !created.isBefore(LocalDateTime.of(2019, 1, 1, 0, 0))) {
                continue;
            }
            rows.add(new Row311("B311-" + f.get(header.indexOf("SRRecordID")), created,
                    time(f.get(header.indexOf("DueDate"))), time(f.get(header.indexOf("CloseDate"))),
                    category(f.get(header.indexOf("SRType"))),
                    AGENCY_UNITS.getOrDefault(f.get(header.indexOf("Agency")), "B311-OTHER"),
                    f.get(header.indexOf("SRStatus")).startsWith("Closed")));
        }
        return rows;
    }

    private static LocalDateTime time(String text) {
        return text == null || text.isBlank() ? null : LocalDateTime.parse(text.strip(), BALTIMORE);
    }

    /** RFC 4180 fields of one line (the sample has quoted addresses with commas, no line breaks inside quotes). */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }

    private static Instant at(LocalDateTime t) {
        return t == null ? null : t.atZone(SHANGHAI).toInstant();
    }

    /**
     * Loads the rows straight into the tables (ticket + FINISH clock: started at creation, due at DueDate, stopped at
     * CloseDate): the lifecycle cannot back-date and would take minutes for 2,400 tickets.
     */
    private Map<String, UUID> load(List<Row311> rows) {
        StoredTickets stored = new StoredTickets(db);
        Map<String, UUID> units = new HashMap<>();
        UNIT_NAMES.forEach((code, name) -> units.put(code, stored.unit(code, name)));
        boolean loaded = Boolean.TRUE.equals(db.sql("select exists (select 1 from ticket where number = :n) as e")
                .bind("n", rows.getFirst().number()).map(r -> r.get("e", Boolean.class)).one().block());
        if (!loaded) {
            for (Row311 r : rows) {
                UUID id = stored.ticket(r.number(), at(r.created()), r.category(), units.get(r.unitCode()),
                        r.closedStatus() ? "CLOSED" : "ACCEPTED", "Baltimore 311 " + r.category(), at(r.due()));
                if (r.due() != null) {
                    stored.clock(id, "FINISH", at(r.created()), at(r.due()), at(r.closed()));
                }
            }
        }
        return units;
    }

    @Test
    void realBaltimoreTicketsGiveTheReportsTheCountsMadeFromTheCsv() throws IOException {
        List<Row311> rows = baltimore();
        assertThat(rows).hasSizeGreaterThan(2_000);
        Map<String, UUID> units = load(rows);

        // Weekly report of 2018-W15 (Monday 2018-04-09 to Monday 2018-04-16): received by category and by unit.
        LocalDateTime monday = LocalDateTime.of(2018, 4, 9, 0, 0);
        List<Row311> week = rows.stream().filter(r -> !r.created().isBefore(monday)
                && r.created().isBefore(monday.plusWeeks(1))).toList();
        WeeklyReport weekly = get("director1", "/api/v1/reports/weekly?week=2018-W15", WeeklyReport.class);
        assertThat(weekly.week()).isEqualTo("2018-W15");
        assertThat(weekly.issuedAt()).isNull();
        assertThat(weekly.received()).isEqualTo(week.size());
        assertThat(weekly.byCategory().stream().collect(Collectors.toMap(Count::key, Count::count)))
                .isEqualTo(week.stream().collect(Collectors.groupingBy(Row311::category, Collectors.counting())));
        assertThat(weekly.byUnit().stream().collect(Collectors.toMap(Count::key, Count::count)))
                .isEqualTo(week.stream().collect(Collectors.groupingBy(r -> units.get(r.unitCode()).toString(),
                        Collectors.counting())));

        // Bulletin of 2018: finish overdue by due date, per unit (closed after DueDate, or open past it at year end).
        LocalDateTime yearStart = LocalDateTime.of(2018, 1, 1, 0, 0);
        LocalDateTime yearEnd = LocalDateTime.of(2019, 1, 1, 0, 0);
        Map<String, Long> expectedOverdue = rows.stream()
                .filter(r -> r.due() != null && !r.due().isBefore(yearStart) && r.due().isBefore(yearEnd))
                .filter(r -> r.closed() == null ? !r.due().isAfter(yearEnd) : r.closed().isAfter(r.due()))
                .collect(Collectors.groupingBy(r -> units.get(r.unitCode()).toString(), Collectors.counting()));
        assertThat(expectedOverdue.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(100);
        Bulletin bulletin = get("supervisor1", "/api/v1/reports/bulletin?from=2018-01-01&to=2019-01-01", Bulletin.class);
        assertThat(bulletin.units().stream().filter(u -> u.finishOverdue() > 0)
                .collect(Collectors.toMap(u -> u.unitId().toString(), UnitBulletin::finishOverdue)))
                .isEqualTo(expectedOverdue);
        assertThat(bulletin.units().stream().mapToLong(UnitBulletin::signForOverdue).sum()).isZero();

        // Special report on the water supply (category 0104, named in the stored titles) over the same year.
        SpecialReport special = get("supervisor1", "/api/v1/reports/special?keyword=0104&from=2018-01-01&to=2019-01-01",
                SpecialReport.class);
        assertThat(special.matched()).isEqualTo(rows.stream().filter(r -> !r.created().isBefore(yearStart)
                && r.category().equals("0104")).count());

        // The week's spikes are the hotspot API's spikes for the same range.
        Hotspots hotspots = get("supervisor1", "/api/v1/hotspots?from=" + weekly.from() + "&to=" + weekly.to(),
                Hotspots.class);
        assertThat(weekly.spikes()).isEqualTo(hotspots.spikes());
        assertThat(weekly.method()).isEqualTo(hotspots.method());
        assertThat(hotspots.cells().stream().mapToLong(c -> c.count()).sum()).isEqualTo(weekly.received());

        // The files carry the JSON's figures.
        byte[] xlsx = http.get().uri("/api/v1/reports/weekly.xlsx?week=2018-W15")
                .headers(h -> h.setBearerAuth(bearer("admin"))).exchange().expectStatus().isOk()
                .expectHeader().contentType(XlsxFiles.MEDIA_TYPE)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> categories = workbook.findSheet("分类分布").orElseThrow().read();
            Map<String, Long> fromFile = categories.stream().skip(1).collect(Collectors.toMap(r -> r.getCellText(0),
                    r -> r.getCell(1).asNumber().longValue()));
            assertThat(fromFile).isEqualTo(weekly.byCategory().stream().collect(Collectors.toMap(Count::label,
                    Count::count)));
            List<String> summary = workbook.findSheet("概要").orElseThrow().read().stream().map(r -> r.getCellText(0))
                    .toList();
            assertThat(summary).contains("12345热线周报 2018-W15",
                    "受理 " + weekly.received() + " 件，办结 " + weekly.closed() + " 件");
        }
        byte[] pdf = http.get().uri("/api/v1/reports/weekly.pdf?week=2018-W15")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = pdfText(pdf);
        assertThat(text).contains("12345热线周报 2018-W15", "受理 " + weekly.received() + " 件", "三率", "分类分布");
        for (Count c : weekly.byCategory()) {
            assertThat(text).contains(c.label() + " " + c.count());
        }

        // One table per CSV: the weekly report's categories and the bulletin's units, with the JSON's figures.
        byte[] categoriesCsv = http.get().uri("/api/v1/reports/weekly.csv?week=2018-W15&table=categories")
                .headers(h -> h.setBearerAuth(bearer("director1"))).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"weekly-2018-W15-categories.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        List<String> csvLines = csvLines(categoriesCsv);
        assertThat(csvLines.getFirst()).isEqualTo("分类,件数");
        assertThat(csvLines.stream().skip(1).collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(',')),
                l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))))
                .isEqualTo(weekly.byCategory().stream().collect(Collectors.toMap(Count::label, Count::count)));
        List<String> unitsCsv = csvLines(http.get().uri("/api/v1/reports/bulletin.csv?from=2018-01-01&to=2019-01-01")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(unitsCsv.getFirst()).isEqualTo("承办单位,签收超期,办理超期,不满意");
        assertThat(unitsCsv.stream().skip(1).toList()).isEqualTo(bulletin.units().stream()
                .map(u -> String.join(",", u.unitName(), Long.toString(u.signForOverdue()),
                        Long.toString(u.finishOverdue()), Long.toString(u.unsatisfied()))).toList());

        byte[] bulletinPdf = http.get().uri("/api/v1/reports/bulletin.pdf?from=2018-01-01&to=2019-01-01")
                .headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(pdfText(bulletinPdf)).contains("12345热线通报", "办理超期 " + bulletin.finishOverdue() + " 件");
        byte[] specialXlsx = http.get().uri("/api/v1/reports/special.xlsx?keyword=0104&from=2018-01-01&to=2019-01-01")
                .headers(h -> h.setBearerAuth(bearer("director1"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(specialXlsx))) {
            assertThat(workbook.findSheet("工单列表").orElseThrow().read()).hasSize(1
                    + (int) Math.min(special.matched(), ReportService.SPECIAL_LISTED));
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- The Monday job, bad input, roles --------------------------------------------------------------------------

    @Test
    void weeklyReportIsIssuedOnceFromMondayEightOclockForTheWeekBefore() {
        LocalDate monday = LocalDate.of(2031, 6, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Instant eight = monday.atTime(8, 0).atZone(SHANGHAI).toInstant();
        LocalDate weekBefore = monday.minusWeeks(1);
        String expectedWeek = "%d-W%02d".formatted(weekBefore.get(IsoFields.WEEK_BASED_YEAR),
                weekBefore.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        assertThat(WeeklyReportJob.on(reports, Clock.fixed(eight.minusSeconds(60), SHANGHAI)).issueOnce().blockOptional())
                .isEmpty();
        assertThat(get("supervisor1", "/api/v1/reports/weekly?week=" + expectedWeek, WeeklyReport.class).issuedAt())
                .isNull();
        assertThat(WeeklyReportJob.on(reports, Clock.fixed(eight, SHANGHAI)).issueOnce().block()).isEqualTo(expectedWeek);
        assertThat(WeeklyReportJob.on(reports, Clock.fixed(eight.plusSeconds(300), SHANGHAI)).issueOnce()
                .blockOptional()).isEmpty();
        WeeklyReport issued = get("supervisor1", "/api/v1/reports/weekly?week=" + expectedWeek, WeeklyReport.class);
        assertThat(issued.issuedAt()).isEqualTo(eight);
        assertThat(issued.from()).isEqualTo(weekBefore.atStartOfDay(SHANGHAI).toInstant());
        assertThat(issued.to()).isEqualTo(monday.atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void reportsAreReadByTheLeadershipOnlyAndBadRangesAreBadRequests() {
        for (String user : List.of("supervisor1", "director1", "admin")) {
            http.get().uri("/api/v1/reports/weekly?week=2030-W02").headers(h -> h.setBearerAuth(bearer(user)))
                    .exchange().expectStatus().isOk();
        }
        for (String user : List.of("agent1", "wall", "auditor1", "dispatcher1", "handler-t01")) {
            for (String uri : List.of("/api/v1/reports/weekly?week=2030-W02", "/api/v1/reports/weekly.pdf",
                    "/api/v1/reports/bulletin.xlsx?from=2030-01-01&to=2030-02-01",
                    "/api/v1/reports/special?keyword=x&from=2030-01-01&to=2030-02-01",
                    "/api/v1/reports/special.csv?keyword=x&from=2030-01-01&to=2030-02-01")) {
                http.get().uri(uri).headers(h -> h.setBearerAuth(bearer(user))).exchange().expectStatus().isForbidden();
            }
        }
        http.get().uri("/api/v1/reports/weekly").exchange().expectStatus().isUnauthorized();
        for (String uri : List.of("/api/v1/reports/weekly?week=2030-W60", "/api/v1/reports/weekly?week=soon",
                "/api/v1/reports/bulletin?from=2030-02-01&to=2030-01-01", "/api/v1/reports/bulletin?from=2030-01-01",
                "/api/v1/reports/special?from=2030-01-01&to=2030-02-01",
                "/api/v1/reports/special?keyword=x&from=2020-01-01&to=2030-02-01",
                "/api/v1/reports/weekly.csv?week=2030-W02&table=everything",
                "/api/v1/reports/bulletin.csv?from=2030-01-01&to=2030-02-01&table=rates")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(bearer("supervisor1"))).exchange().expectStatus()
                    .isBadRequest().expectHeader().contentType("application/problem+json");
        }
    }

    /** A CSV file's lines after its UTF-8 byte-order mark (the figures here have no quoted fields). */
    private static List<String> csvLines(byte[] csv) {
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }
}
