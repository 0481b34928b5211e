/**
 * {@code POST /api/v1/cti/events}: CTI facts from the telephone platform, validated line by line and stored in
 * PostgreSQL before the answer (DESIGN.md §2.4, §4).
 */
package com.hotlineops.server.cti;
