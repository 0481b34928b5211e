package com.hotlineops.mobile.feed;

import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.core.security.Actor;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code mobile.feed} (request-stream): the worker's list, LIVE, then changes; resumable from a cursor. A feed lives
 * no longer than the token it was opened with (decision 0043, for every stream of the app): when the token expires
 * the feed ends with {@link com.hotlineops.contract.auth.TokenExpired#MESSAGE}, and the phone refreshes its token and
 * resumes from its last cursor, losing nothing.
 */
@Controller
class FeedController {

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @MessageMapping("mobile.feed")
    Flux<FeedItem> feed(@Payload(required = false) FeedRequest request, @AuthenticationPrincipal Jwt token) {
        return feeds.open(Actor.from(token), request);
    }
}
