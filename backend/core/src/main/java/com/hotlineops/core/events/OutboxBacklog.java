package com.hotlineops.core.events;

/**
 * The outbox entries not yet relayed to the stream, as {@link Outbox#backlog} measured them.
 *
 * @param pending       entries waiting (at most the cap the measurement was asked for)
 * @param oldestSeconds age of the oldest waiting entry in seconds; 0 when none waits
 */
public record OutboxBacklog(long pending, double oldestSeconds) {
}
