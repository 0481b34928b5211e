/** {@code GET /api/v1/categories}: the category tree for intake forms, partner systems and reports. */
package com.hotlineops.server.category;
