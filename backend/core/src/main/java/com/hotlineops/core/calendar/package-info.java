/**
 * The working-day calendar of DESIGN.md §2.3: the official lists shipped with the product
 * ({@code calendar/cn-official-days.csv}), seeded into the {@code calendar_day} table, administrators' edits, and
 * the Monday–Friday fallback for years without a list. It feeds {@link com.hotlineops.core.sla.WorkingCalendar} and
 * moves the deadlines of open tickets when a day changes.
 */
package com.hotlineops.core.calendar;
