/**
 * Partner channels (DESIGN.md §2.1): the partner systems allowed to submit on their own channels, their API keys (only
 * SHA-256 hashes are stored), intake on their behalf, and the queue of signed status callbacks for their tickets, which
 * administrators inspect and replay.
 */
package com.hotlineops.core.partner;
