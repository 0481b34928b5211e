/**
 * The leadership's reports in the console (DESIGN.md §2.8): the weekly report (周报), the bulletin (通报) and the
 * special report (专报) as pages, each with its PDF, XLSX and per-table CSV fetched from the backend with the reader's
 * own token. The figures are the backend's; these views only lay them out.
 */
package com.hotlineops.dashboard.console.report;
