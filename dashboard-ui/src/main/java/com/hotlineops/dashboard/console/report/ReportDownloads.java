package com.hotlineops.dashboard.console.report;

import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Download links for the report on screen. A link fetches its file from the backend when clicked, with the reader's
 * token, for the query the page last showed (so the file always has the figures on screen); until the page shows a
 * report the links are disabled. A refusal by the backend reaches the browser as that status and detail.
 */
final class ReportDownloads {

    private final ReportsBackend backend;
    private final Supplier<ReportQuery> shown;
    private final List<Anchor> links = new ArrayList<>();

    /** @param shown the query of the report on screen, null while there is none */
    ReportDownloads(ReportsBackend backend, Supplier<ReportQuery> shown) {
        this.backend = backend;
        this.shown = shown;
    }

    /** A link to the whole report as PDF or XLSX, or to one table as CSV; its id is {@code id}. */
    Anchor link(String id, String text, ReportFile file) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> download(file)), text);
        link.setId(id);
        link.addClassName("report-download");
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        link.setEnabled(shown.get() != null);
        links.add(link);
        return link;
    }

    /** Enables the links once a report is on screen (and disables them while none is). */
    void refresh() {
        boolean any = shown.get() != null;
        links.forEach(link -> link.setEnabled(any));
    }

    DownloadResponse download(ReportFile file) {
        ReportQuery query = shown.get();
        if (query == null) {
            return DownloadResponse.error(409, "No report on screen");
        }
        try {
            byte[] bytes = backend.file(query, file);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file.fileName(query), file.contentType(),
                    bytes.length);
        } catch (BackendProblem problem) {
            return DownloadResponse.error(problem.status() == 0 ? 502 : problem.status(), problem.getMessage());
        }
    }
}
