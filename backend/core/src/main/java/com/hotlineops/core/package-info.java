/**
 * The core library shared by the backend server and mobile-api: the domain (tickets, calls, the SLA clock),
 * persistence over R2DBC, the transactional outbox and the Redis event stream. No web or UI code lives here.
 */
package com.hotlineops.core;
