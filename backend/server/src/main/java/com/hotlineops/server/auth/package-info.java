/** {@code POST /api/v1/auth/token}: the local issuer's password and refresh grants. */
package com.hotlineops.server.auth;
