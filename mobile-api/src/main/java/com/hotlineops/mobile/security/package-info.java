/**
 * Who may use the mobile edge: JWT bearer tokens of the local issuer (or any OIDC issuer) on HTTP and RSocket,
 * and only grid workers and unit handlers (DESIGN.md §3). The ticket isolation rules themselves live in the core.
 */
package com.hotlineops.mobile.security;
