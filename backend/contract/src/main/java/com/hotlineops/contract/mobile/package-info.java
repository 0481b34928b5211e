/**
 * What a grid worker's phone exchanges with {@code mobile-api}: the feed and the ticket commands, each command
 * with a client {@code commandId} so that a retry never applies twice.
 */
package com.hotlineops.contract.mobile;
