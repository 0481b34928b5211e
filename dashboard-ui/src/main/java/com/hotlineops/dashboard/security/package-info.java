/**
 * Who may use the desk consoles: a form login whose credentials are checked by the backend's token endpoint
 * (DESIGN.md §4), the backend's tokens kept with the session, and view access by the roles of DESIGN.md §3. The
 * wall is not here: it is a kiosk, admitted by its own token ({@code wall.KioskGate}).
 */
package com.hotlineops.dashboard.security;
