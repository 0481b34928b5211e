/**
 * The agent's desk (话务台, DESIGN.md §1): take a call into a ticket with the knowledge base searched as they type, then
 * answer it directly, send it for dispatch or transfer an emergency; and a director's "my shift" page (§2.7).
 */
package com.hotlineops.dashboard.console.agent;
