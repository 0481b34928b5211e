/**
 * Phone login: {@code POST /mobile/v1/auth/login} and {@code /refresh} hand out the local issuer's tokens, and only
 * to grid workers and unit handlers; {@code /password} lets them change their own password (decision 0036).
 */
package com.hotlineops.mobile.auth;
