package com.hotlineops.server.security;

import com.hotlineops.core.security.PasswordChangeRequired;
import com.hotlineops.server.web.Problems;
import io.rsocket.exceptions.ApplicationErrorException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.api.PayloadInterceptor;
import org.springframework.security.rsocket.api.PayloadInterceptorChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * While a token requires the password change (decision 0036) it opens the password change and the token endpoint
 * (refresh) only: every other HTTP route answers 403 with the problem type {@link PasswordChangeRequired#TYPE}, every
 * RSocket request is rejected with {@code password-change-required: …}. Runs after authentication and before the role
 * checks, so the caller learns what to do rather than that their role may not.
 */
final class PasswordChangeGate {

    /** The routes a token that requires the change still opens. The backend has no logout route (tokens expire). */
    static final ServerWebExchangeMatcher OPEN = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/api/v1/auth/password", "/api/v1/auth/token");

    private PasswordChangeGate() {
    }

    private static Mono<Boolean> required() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(PasswordChangeRequired::of)
                .defaultIfEmpty(false);
    }

    static WebFilter http(JsonMapper json) {
        return (ServerWebExchange exchange, WebFilterChain chain) -> OPEN.matches(exchange)
                .flatMap(open -> open.isMatch() ? Mono.just(false) : required())
                .flatMap(refuse -> refuse
                        ? Problems.write(exchange, json, HttpStatus.FORBIDDEN, PasswordChangeRequired.TYPE,
                                PasswordChangeRequired.TITLE, PasswordChangeRequired.DETAIL)
                        : chain.filter(exchange));
    }

    /** Just before RSocket authorization, on requests (the setup may come without a token). */
    static final class RSocket implements PayloadInterceptor, Ordered {

        @Override
        public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
            if (!exchange.getType().isRequest()) {
                return chain.next(exchange);
            }
            return required().flatMap(refuse -> refuse
                    ? Mono.error(new ApplicationErrorException(PasswordChangeRequired.CODE + ": "
                            + PasswordChangeRequired.DETAIL))
                    : chain.next(exchange));
        }

        @Override
        public int getOrder() {
            return PayloadInterceptorOrder.AUTHORIZATION.getOrder() - 1;
        }
    }
}
