/**
 * The missed-call callback queue (漏话回拨, DESIGN.md §2.4): tasks, attempts and the queue's figures.
 */
package com.hotlineops.contract.callback;
