/**
 * The revisit desk (回访, DESIGN.md §2.2): tickets that passed audit wait here, oldest first, until the citizen is
 * called back and the result recorded — satisfied or basically satisfied closes, unsatisfied reopens, and the third
 * unreachable attempt closes.
 */
package com.hotlineops.dashboard.console.revisit;
