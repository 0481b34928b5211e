/**
 * The missed-call callback queue of DESIGN.md §2.4 (漏话回拨): tasks derived from long abandons in the transaction that
 * stores them, merged by caller number, closed when the caller got through; atomic claims and at most 3 attempts.
 */
package com.hotlineops.core.callback;
