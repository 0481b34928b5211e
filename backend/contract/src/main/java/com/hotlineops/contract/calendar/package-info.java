/**
 * The working-time calendar on the wire (DESIGN.md §2.3, §4): days with their source, years with or without an
 * official list, and due-time answers of the clock.
 */
package com.hotlineops.contract.calendar;
