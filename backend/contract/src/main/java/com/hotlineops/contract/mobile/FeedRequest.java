package com.hotlineops.contract.mobile;

/** Opens {@code mobile.feed}; {@code cursor} is null on a first connection. */
public record FeedRequest(String cursor) {
}
