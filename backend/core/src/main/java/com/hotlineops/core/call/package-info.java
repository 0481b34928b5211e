/**
 * CTI events and the call figures of DESIGN.md §2.4, computed on event time by one definition for the live wall
 * and for any window asked through the API.
 */
package com.hotlineops.core.call;
