/**
 * Hotspots (数据参谋, DESIGN.md §2.8): tickets counted by category × area × hour, and the spike rule that compares an
 * hour with the same hour of the previous four weeks (decision 0019).
 */
package com.hotlineops.core.hotspot;
