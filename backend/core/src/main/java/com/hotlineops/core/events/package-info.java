/**
 * The event path of DESIGN.md §3: a command appends its events to the outbox table in its own transaction; one
 * relay per cluster moves them in commit order to a Redis Stream; every instance follows the stream.
 */
package com.hotlineops.core.events;
