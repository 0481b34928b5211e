package com.hotlineops.mobile.feed;

import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedRequest;
import com.hotlineops.core.security.Actor;
import java.time.Clock;
import java.time.Duration;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code mobile.feed} (request-stream): the worker's list, LIVE, then changes; resumable from a cursor. A feed lives
 * no longer than the token it was opened with: when the token expires the feed ends with an {@code unauthorized:}
 * error, and the phone refreshes its token and resumes from its last cursor, losing nothing.
 */
@Controller
class FeedController {

    private final FeedService feeds;
    private final Clock clock;

    FeedController(FeedService feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    @MessageMapping("mobile.feed")
    Flux<FeedItem> feed(@Payload(required = false) FeedRequest request, @AuthenticationPrincipal Jwt token) {
        Flux<FeedItem> feed = feeds.open(Actor.from(token), request);
        if (token.getExpiresAt() == null) {
            return feed;
        }
        Duration left = Duration.between(clock.instant(), token.getExpiresAt());
        return feed.mergeWith(Mono.delay(left.isNegative() ? Duration.ZERO : left)
                .then(Mono.error(TokenExpiredException::new)));
    }
}
