/**
 * {@code /api/v1/callbacks}: the missed-call callback queue for staff (list, claim, record an attempt).
 */
package com.hotlineops.server.callback;
