/**
 * {@code POST /api/v1/auth/token}: the local issuer's password and refresh grants; {@code POST /api/v1/auth/password}:
 * a signed-in user changes their own password (decision 0036).
 */
package com.hotlineops.server.auth;
