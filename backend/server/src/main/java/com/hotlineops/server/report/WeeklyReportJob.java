package com.hotlineops.server.report;

import com.hotlineops.core.report.ReportService;
import com.hotlineops.server.support.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Issues the weekly report (周报) of the week before every Monday from 08:00 Asia/Shanghai (DESIGN.md §2.8). It looks
 * every {@code hotline.report.weekly-check-interval} (default 5 min) at the injected clock's time, so an instance
 * that was down at 08:00 issues the report when it comes back; of several instances the first insert wins.
 */
@Component
public class WeeklyReportJob extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportJob.class);

    private final ReportService reports;
    private final Clock clock;

    @Autowired
    WeeklyReportJob(ReportService reports, Clock clock,
            @Value("${hotline.report.weekly-check-interval:5m}") Duration interval) {
        super("Weekly report", Duration.ofSeconds(30), interval);
        this.reports = reports;
        this.clock = clock;
    }

    /** A job on its own clock, not started (tests move the clock themselves). */
    public static WeeklyReportJob on(ReportService reports, Clock clock) {
        return new WeeklyReportJob(reports, clock, Duration.ofDays(1));
    }

    /** One look now: the week issued by this run, empty when too early or already issued. */
    public Mono<String> issueOnce() {
        return Mono.defer(() -> reports.issueWeekly(clock.instant()));
    }

    @Override
    protected Mono<String> runOnce() {
        return issueOnce().doOnNext(week -> log.info("Weekly report {} issued", week));
    }
}
