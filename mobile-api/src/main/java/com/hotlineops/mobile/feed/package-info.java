/**
 * {@code mobile.feed}: a worker's list, then its live changes, resumable from a cursor. One reader of the event
 * stream per instance ({@link com.hotlineops.mobile.feed.TicketEventHub}) fans ticket changes out to the open feeds,
 * each with a bounded buffer; a feed that falls behind is ended with an error and the phone resumes from its last
 * cursor.
 */
package com.hotlineops.mobile.feed;
