package com.hotlineops.server.report;

import com.hotlineops.contract.category.Category;
import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.core.category.CategoryTree;
import com.hotlineops.core.report.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reports of DESIGN.md §2.8 for the leadership (SUPERVISOR, DIRECTOR, ADMIN; checked in
 * {@code SecurityConfiguration}): each as JSON for the console page, and as {@code .pdf} and {@code .xlsx} with the
 * same figures, and each of their tables as {@code .csv}. Ranges are half-open {@code [from, to)}; see {@link Ranges}.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Weekly report (周报), bulletin (通报), special report (专报): JSON, PDF, XLSX")
class ReportController {

    private final ReportService reports;
    private final PdfFiles pdf;
    private final Clock clock;
    private final ReportDocuments documents;

    ReportController(ReportService reports, PdfFiles pdf, Clock clock, CategoryTree categories) {
        this.reports = reports;
        this.pdf = pdf;
        this.clock = clock;
        this.documents = new ReportDocuments(reports.zone(),
                code -> categories.find(code).map(Category::name).orElse(code));
    }

    @GetMapping("/weekly")
    @Operation(summary = "Weekly report of an ISO week (week=2026-W15 or a date in it; default: the week before this "
            + "one): as issued on Monday 08:00 Asia/Shanghai, or computed now for a week not issued")
    Mono<WeeklyReport> weekly(@RequestParam(required = false) String week) {
        return reports.weeklyAsIssued(weekOrDefault(week));
    }

    @GetMapping("/weekly.pdf")
    @Operation(summary = "The weekly report as PDF")
    Mono<ResponseEntity<byte[]>> weeklyPdf(@RequestParam(required = false) String week) {
        return weekly(week).flatMap(r -> file(documents.weekly(r), "weekly-" + r.week(), Format.PDF));
    }

    @GetMapping("/weekly.xlsx")
    @Operation(summary = "The weekly report as XLSX")
    Mono<ResponseEntity<byte[]>> weeklyXlsx(@RequestParam(required = false) String week) {
        return weekly(week).flatMap(r -> file(documents.weekly(r), "weekly-" + r.week(), Format.XLSX));
    }

    @GetMapping("/weekly.csv")
    @Operation(summary = "One table of the weekly report as CSV (UTF-8 with BOM): table=rates (default), channels, "
            + "categories, units or spikes")
    Mono<ResponseEntity<byte[]>> weeklyCsv(@RequestParam(required = false) String week,
            @RequestParam(defaultValue = "rates") String table) {
        return weekly(week).flatMap(r -> csv(documents.weekly(r), "weekly-" + r.week(), table));
    }

    @GetMapping("/bulletin")
    @Operation(summary = "Bulletin: overdue (sign-for, finish) and unsatisfied tickets by unit in [from, to)")
    Mono<Bulletin> bulletin(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Ranges.Range range = Ranges.parse(from, to, reports.zone());
            return reports.bulletin(range.from(), range.to());
        });
    }

    @GetMapping("/bulletin.pdf")
    @Operation(summary = "The bulletin as PDF")
    Mono<ResponseEntity<byte[]>> bulletinPdf(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return bulletin(from, to).flatMap(b -> file(documents.bulletin(b), "bulletin", Format.PDF));
    }

    @GetMapping("/bulletin.xlsx")
    @Operation(summary = "The bulletin as XLSX")
    Mono<ResponseEntity<byte[]>> bulletinXlsx(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return bulletin(from, to).flatMap(b -> file(documents.bulletin(b), "bulletin", Format.XLSX));
    }

    @GetMapping("/bulletin.csv")
    @Operation(summary = "One table of the bulletin as CSV (UTF-8 with BOM): table=units (default) or items")
    Mono<ResponseEntity<byte[]>> bulletinCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "units") String table) {
        return bulletin(from, to).flatMap(b -> csv(documents.bulletin(b), "bulletin", table));
    }

    @GetMapping("/special")
    @Operation(summary = "Special report on a topic: tickets of [from, to) whose title or content contains keyword")
    Mono<SpecialReport> special(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Ranges.Range range = Ranges.parse(from, to, reports.zone());
            return reports.special(keyword, range.from(), range.to());
        });
    }

    @GetMapping("/special.pdf")
    @Operation(summary = "The special report as PDF")
    Mono<ResponseEntity<byte[]>> specialPdf(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return special(keyword, from, to).flatMap(s -> file(documents.special(s), "special", Format.PDF));
    }

    @GetMapping("/special.xlsx")
    @Operation(summary = "The special report as XLSX")
    Mono<ResponseEntity<byte[]>> specialXlsx(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return special(keyword, from, to).flatMap(s -> file(documents.special(s), "special", Format.XLSX));
    }

    @GetMapping("/special.csv")
    @Operation(summary = "One table of the special report as CSV (UTF-8 with BOM): table=tickets (default), "
            + "categories, units or days")
    Mono<ResponseEntity<byte[]>> specialCsv(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "tickets") String table) {
        return special(keyword, from, to).flatMap(s -> csv(documents.special(s), "special", table));
    }

    private String weekOrDefault(String week) {
        return week == null || week.isBlank() ? reports.weekBefore(clock.instant()) : week;
    }

    enum Format {
        PDF(MediaType.APPLICATION_PDF, ".pdf"),
        XLSX(MediaType.parseMediaType(XlsxFiles.MEDIA_TYPE), ".xlsx"),
        CSV(MediaType.parseMediaType(CsvFiles.MEDIA_TYPE), ".csv");

        final MediaType type;
        final String extension;

        Format(MediaType type, String extension) {
            this.type = type;
            this.extension = extension;
        }
    }

    private Mono<ResponseEntity<byte[]>> file(ReportDocument document, String name, Format format) {
        return file(format == Format.PDF ? () -> pdf.write(document) : () -> XlsxFiles.write(document), name, format);
    }

    /** The named table; an unknown name is a 400 problem naming the tables there are, before any work. */
    private Mono<ResponseEntity<byte[]>> csv(ReportDocument document, String name, String table) {
        return Mono.fromCallable(() -> document.table(table))
                .flatMap(t -> file(() -> CsvFiles.write(t), name + "-" + t.key(), Format.CSV));
    }

    /** Renders off the event loop (building a file is CPU work and OpenPDF writes synchronously). */
    private Mono<ResponseEntity<byte[]>> file(Callable<byte[]> writer, String name, Format format) {
        return Mono.fromCallable(writer)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalStateException.class,
                        e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e))
                .map(bytes -> ResponseEntity.ok()
                        .contentType(format.type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(name + format.extension).build().toString())
                        .body(bytes));
    }
}
