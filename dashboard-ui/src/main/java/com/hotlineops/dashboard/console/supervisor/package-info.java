/**
 * The supervisor's console (值班长, DESIGN.md §1, issue #5): the SLA board with supervision (督办), the callback queue
 * (漏话回拨), mark &amp; track with the monthly clear-to-zero board, and the directors' shift schedule. Views read and
 * act through the backend's HTTP API with the supervisor's own token, and the callback queue follows the backend's
 * {@code callbacks.tasks} stream with it (decision 0040); the backend decides what they may see and do.
 */
package com.hotlineops.dashboard.console.supervisor;
