/**
 * Mark &amp; track over HTTP: tagging tickets and the monthly clear-to-zero board per unit (DESIGN.md §2.6).
 */
package com.hotlineops.server.marktrack;
