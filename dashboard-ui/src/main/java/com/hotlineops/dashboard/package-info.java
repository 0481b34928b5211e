/**
 * Hotline Ops dashboard: Vaadin Flow wall screens (and, later, consoles) for the call hall. One subscription per
 * instance to the backend's frame stream ({@code live}) feeds every view ({@code wall}); views only bind.
 */
package com.hotlineops.dashboard;
