package com.hotlineops.dashboard.console.report;

import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.dashboard.console.BackendApi;
import org.springframework.stereotype.Component;

/**
 * The backend's report routes, through {@link BackendApi}: each call carries the reader's own token, so the backend
 * decides who reads reports (SUPERVISOR, DIRECTOR, ADMIN), and a refusal arrives as a {@code BackendProblem}.
 */
@Component
class ReportsBackend {

    private final BackendApi api;

    ReportsBackend(BackendApi api) {
        this.api = api;
    }

    WeeklyReport weekly(ReportQuery.Weekly query) {
        return api.get(uri -> query.uri(uri, "", null), WeeklyReport.class);
    }

    Bulletin bulletin(ReportQuery.Bulletin query) {
        return api.get(uri -> query.uri(uri, "", null), Bulletin.class);
    }

    SpecialReport special(ReportQuery.Special query) {
        return api.get(uri -> query.uri(uri, "", null), SpecialReport.class);
    }

    /** The report as a file, exactly as the backend writes it. */
    byte[] file(ReportQuery query, ReportFile file) {
        return api.get(uri -> query.uri(uri, file.extension(), file.table()), byte[].class);
    }
}
