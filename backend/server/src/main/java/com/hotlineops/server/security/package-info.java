/**
 * Authentication and authorisation of every HTTP route and RSocket route: JWT bearer tokens from the local issuer
 * (or an OIDC issuer), mapped to the roles of DESIGN.md §3.
 */
package com.hotlineops.server.security;
