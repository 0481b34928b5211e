/**
 * The wire records of partner channels (DESIGN.md §2.1): registering a partner system, its API keys, and the status
 * callbacks it receives for the tickets it submitted.
 */
package com.hotlineops.contract.partner;
