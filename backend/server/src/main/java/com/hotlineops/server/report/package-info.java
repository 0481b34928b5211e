/**
 * The report routes of DESIGN.md §2.8 (weekly, bulletin, special) as JSON, PDF and XLSX, the Monday job that issues
 * the weekly report, and the file writers (PDF with an embedded CJK font, XLSX) that other features reuse.
 */
package com.hotlineops.server.report;
