/**
 * The missed-call callback queue for staff: {@code /api/v1/callbacks} (list, claim, record an attempt) and the RSocket
 * push stream {@code callbacks.tasks} (a snapshot of open tasks, then every change).
 */
package com.hotlineops.server.callback;
