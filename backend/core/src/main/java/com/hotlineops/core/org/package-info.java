/**
 * The organisation tree: district → township/street → grid, and departments; plus the demo organisation that the
 * local launcher and the tests start from.
 */
package com.hotlineops.core.org;
