package com.hotlineops.server.calendar;

import com.hotlineops.core.calendar.CalendarService;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says which years have an official list and whether this or next year runs on the Monday–Friday fallback
 * (DESIGN.md §2.3). A fallback is a warning for the administrator, not an outage: the status stays UP.
 */
@Component("calendar")
class CalendarHealthIndicator implements HealthIndicator {

    private final CalendarService calendar;

    CalendarHealthIndicator(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        List<Integer> fallback = calendar.fallbackYearsAhead();
        Health.Builder health = Health.up()
                .withDetail("officialYears", List.copyOf(calendar.officialYears()))
                .withDetail("fallbackYears", fallback);
        if (!fallback.isEmpty()) {
            health.withDetail("warning", "No official holiday list for " + fallback
                    + ": Monday–Friday fallback; load the list when the State Council publishes it");
        }
        return health.build();
    }
}
