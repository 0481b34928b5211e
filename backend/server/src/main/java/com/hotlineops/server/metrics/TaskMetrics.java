package com.hotlineops.server.metrics;

import com.hotlineops.server.support.PeriodicJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The runs of every {@link PeriodicJob} of this instance (SLA sweeper, wall board and hotspots, weekly report, the
 * backlog sampler), per job as {@code task}: {@code hotline.task.runs} by outcome, and
 * {@code hotline.task.last.success.age}, the seconds since the job last completed a run (since start while it has not
 * yet). A job that hangs or fails every time shows as a growing age, which no error counter would show for a hang.
 */
@Component
class TaskMetrics {

    TaskMetrics(List<PeriodicJob> jobs, MeterRegistry meters, Clock clock) {
        long start = clock.millis();
        for (PeriodicJob job : jobs) {
            Counter succeeded = runs(meters, job, "success");
            Counter failed = runs(meters, job, "failure");
            AtomicLong lastSuccess = new AtomicLong(start);
            Gauge.builder("hotline.task.last.success.age", lastSuccess, last -> (clock.millis() - last.get()) / 1000.0)
                    .description("Seconds since the periodic job last completed a run (since start, before its first)")
                    .baseUnit("seconds")
                    .tag("task", job.key())
                    .register(meters);
            job.reportRunsTo(ok -> {
                if (ok) {
                    lastSuccess.set(clock.millis());
                    succeeded.increment();
                } else {
                    failed.increment();
                }
            });
        }
    }

    private static Counter runs(MeterRegistry meters, PeriodicJob job, String outcome) {
        return Counter.builder("hotline.task.runs")
                .description("Runs of the periodic job, by outcome")
                .tag("task", job.key())
                .tag("outcome", outcome)
                .register(meters);
    }
}
