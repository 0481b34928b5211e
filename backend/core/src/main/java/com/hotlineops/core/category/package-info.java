/**
 * The category tree of requests (诉求分类): shipped as data ({@code category/categories.csv}), read once at start.
 * Intake checks category codes against it; Open311 service lists, hotspots and reports are keyed by its codes.
 */
package com.hotlineops.core.category;
