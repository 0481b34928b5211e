/**
 * The backend server app: intake, CTI ingest, call figures, ticket commands over HTTP, and the dashboard streams
 * over RSocket. Each feature package holds its own web adapter; the domain lives in the core library.
 */
package com.hotlineops.server;
