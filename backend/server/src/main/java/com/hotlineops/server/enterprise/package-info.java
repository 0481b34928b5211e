/**
 * The enterprise line's routes (政企通, DESIGN.md §2.5): three-way calls with policy specialists recorded on a
 * ticket, and the ledger (台账) of enterprise tickets as XLSX.
 */
package com.hotlineops.server.enterprise;
