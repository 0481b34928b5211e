/**
 * The wire records of partner channels (DESIGN.md §2.1): registering a partner system, its API keys and webhook
 * secret, the status callbacks it receives for the tickets it submitted, and their deliveries as administrators see
 * them.
 */
package com.hotlineops.contract.partner;
