/**
 * Hotspots (数据参谋, DESIGN.md §2.8): ticket counts by category × area × hour and the spikes among them, with the
 * method and threshold that decided each spike.
 */
package com.hotlineops.contract.hotspot;
