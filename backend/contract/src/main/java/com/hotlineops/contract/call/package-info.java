/**
 * CTI events from the telephone platform and the call figures computed from them (DESIGN.md §2.4).
 */
package com.hotlineops.contract.call;
