/**
 * Who may do what: users with BCrypt-hashed passwords, the roles of DESIGN.md §3, and the local token issuer
 * whose JWTs every app of a deployment verifies (any OIDC issuer can replace it by configuration).
 */
package com.hotlineops.core.security;
