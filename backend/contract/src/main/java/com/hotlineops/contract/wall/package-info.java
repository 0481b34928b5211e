/**
 * Frames of the {@code wall.frames} stream: aggregates only, never a citizen's name or full phone number.
 */
package com.hotlineops.contract.wall;
