/**
 * Open311 GeoReport v2 under {@code /open311/v2/} (DESIGN.md §4): services, service definitions, requests (POST with a
 * partner's {@code api_key}, public GET), tokens; every answer in JSON or XML by the path's format, errors as
 * {@code [{code, description}]} (decision 0017).
 */
package com.hotlineops.server.open311;
