/**
 * Who may do what: users with BCrypt-hashed passwords, the roles of DESIGN.md §3, and the local token issuer
 * whose JWTs every app of a deployment verifies (any OIDC issuer can replace it by configuration); and, for both apps'
 * RSocket servers, that nothing runs on under an expired token ({@link com.hotlineops.core.security.TokenExpiry}).
 */
package com.hotlineops.core.security;
