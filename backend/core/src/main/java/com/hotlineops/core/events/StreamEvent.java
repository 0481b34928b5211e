package com.hotlineops.core.events;

/**
 * One entry of the Redis event stream.
 *
 * @param id       the stream entry id ({@code millis-seq}), usable as a cursor
 * @param outboxId the outbox row it came from; a relay retry after a failed commit may repeat an entry, and this
 *                 id (with the payload's own identity) lets consumers ignore the repeat
 */
public record StreamEvent(String id, long outboxId, Topic topic, String payload) {
}
