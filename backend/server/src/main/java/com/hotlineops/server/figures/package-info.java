/**
 * {@code GET /api/v1/figures/calls}: the call figures of DESIGN.md §2.4 for any window, from stored events.
 */
package com.hotlineops.server.figures;
