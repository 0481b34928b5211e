/**
 * {@code /api/v1/users}: user administration for administrators (decision 0032), with its errors as problem details.
 */
package com.hotlineops.server.useradmin;
