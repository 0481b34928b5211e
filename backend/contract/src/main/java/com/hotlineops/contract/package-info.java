/**
 * The wire contract of Hotline Ops: immutable records and enums exchanged over HTTP, RSocket and the Redis
 * event stream. No framework types live here, so any client (the apps, the simulator, tests) can depend on it.
 */
package com.hotlineops.contract;
