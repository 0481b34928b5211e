/** Photo evidence on a ticket, for desk staff: {@code GET /api/v1/tickets/{id}/photos[/{photoId}]}. */
package com.hotlineops.server.evidence;
