/**
 * The desk consoles' live queues: the RSocket stream {@code desk.changes.<DESK>} tells a dispatcher, auditor or
 * revisit console which tickets entered, left or changed within its queue (decision 0044); the queue itself is read
 * over HTTP as before.
 */
package com.hotlineops.server.desk;
