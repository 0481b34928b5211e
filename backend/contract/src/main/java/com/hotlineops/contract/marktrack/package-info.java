/**
 * Mark &amp; track and the monthly clear-to-zero board (标记跟踪、清零行动, DESIGN.md §2.6) on the wire.
 */
package com.hotlineops.contract.marktrack;
