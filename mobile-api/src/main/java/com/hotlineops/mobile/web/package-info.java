/**
 * HTTP conventions shared by the REST endpoints: every error is an RFC 9457 problem detail
 * ({@code application/problem+json}) with a stable {@code code} property that matches the prefix of the RSocket
 * error messages.
 */
package com.hotlineops.mobile.web;
