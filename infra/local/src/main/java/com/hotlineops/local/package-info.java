/**
 * Running Hotline Ops on one machine: embedded PostgreSQL and Redis (for a fresh machine and for tests), the
 * launcher that starts every app as a child process, and the traffic simulator. Never part of a production jar.
 */
package com.hotlineops.local;
