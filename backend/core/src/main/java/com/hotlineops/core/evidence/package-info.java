/**
 * Photo evidence on tickets: type checked by content (JPEG, PNG, WebP, HEIC), at most 10 MB, bytes in a blob store
 * (the filesystem by default, or an S3-compatible bucket), metadata in PostgreSQL. Who may add or see a photo follows
 * who may see the ticket.
 */
package com.hotlineops.core.evidence;
