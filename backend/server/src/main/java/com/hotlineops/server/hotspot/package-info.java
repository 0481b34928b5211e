/** The hotspot route (数据参谋, DESIGN.md §2.8): counts by category × area × hour and their spikes. */
package com.hotlineops.server.hotspot;
