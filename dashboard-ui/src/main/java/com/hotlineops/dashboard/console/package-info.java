/**
 * The desk consoles (DESIGN.md §1): login, the menu that a user's roles decide, and the views of agents, directors,
 * dispatchers, supervisors, auditors and revisit staff. Views bind to the backend's HTTP API through
 * {@link com.hotlineops.dashboard.console.BackendApi}, with the signed-in user's own token, so every rule on who may
 * see or do what is the backend's.
 */
package com.hotlineops.dashboard.console;
