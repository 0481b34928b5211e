/**
 * The working-time calendar over HTTP (DESIGN.md §4): the clock from outside, the days with their source, the years
 * with or without an official list, administrators' edits; its health contribution and the reload on edits made by
 * other instances.
 */
package com.hotlineops.server.calendar;
