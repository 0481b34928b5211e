/** {@code GET /api/v1/org/units}: the organisation tree for dispatch pickers and partner systems. */
package com.hotlineops.server.org;
