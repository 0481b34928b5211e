/** Directors' shifts over HTTP: the schedule for supervisors, "my shift" for directors (DESIGN.md §2.7). */
package com.hotlineops.server.shift;
