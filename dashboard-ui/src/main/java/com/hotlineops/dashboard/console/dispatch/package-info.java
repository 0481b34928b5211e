/**
 * The dispatcher's desk (派单员, DESIGN.md §2.2): the queue of tickets waiting for dispatch, oldest first, sent
 * straight to a township/street or department (市级直派乡镇, optionally to one of its grids), and the returns and
 * extensions that wait for the dispatcher's decision.
 */
package com.hotlineops.dashboard.console.dispatch;
