/**
 * Small pieces every feature's persistence uses the same way (reading and binding {@code timestamptz} over R2DBC, the
 * before-and-after {@code changes} of the administration histories, the id cursor of the lists paged newest first).
 * Nothing here knows a feature; features depend on it, never the other way round.
 */
package com.hotlineops.core.support;
