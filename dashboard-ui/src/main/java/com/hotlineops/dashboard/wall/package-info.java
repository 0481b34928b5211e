/**
 * The kiosk wall at {@code /wall}: today's call figures, agents by state and open tickets, in big numbers for a
 * 1080p screen read from 5 m. Opened with a kiosk token (role WALL); shows aggregates only, never a phone number
 * or a citizen's name. The view binds {@link com.hotlineops.dashboard.live.LiveWall} states to elements and
 * nothing more; formatting lives in {@code WallFigures}.
 */
package com.hotlineops.dashboard.wall;
