package com.hotlineops.mobile.security;

import com.hotlineops.core.security.PasswordChangeRequired;
import com.hotlineops.mobile.web.ProblemCode;
import io.rsocket.exceptions.ApplicationErrorException;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.api.PayloadInterceptor;
import org.springframework.security.rsocket.api.PayloadInterceptorChain;
import reactor.core.publisher.Mono;

/**
 * Gives RSocket refusals the codes of the REST problem details, so a phone can tell "log in again" from "not for
 * you": {@code unauthorized: …} for no token or a bad one, {@code forbidden: …} for a valid token without a phone
 * role, {@code password-change-required: …} for a token that requires the password change first (decision 0036). An
 * expired one is refused before these, by the core's {@link com.hotlineops.core.security.TokenExpiry} (decision 0043).
 */
final class RSocketAuthErrors {

    static final String UNAUTHORIZED = ProblemCode.UNAUTHORIZED.code() + ": ";
    static final String FORBIDDEN = ProblemCode.FORBIDDEN.code() + ": ";
    static final String PASSWORD_CHANGE_REQUIRED = ProblemCode.PASSWORD_CHANGE_REQUIRED.code() + ": ";

    private RSocketAuthErrors() {
    }

    static ApplicationErrorException unauthorized(String why) {
        return new ApplicationErrorException(UNAUTHORIZED + why);
    }

    /** First in the chain: a token that cannot be verified (forged, expired, wrong type) → {@code unauthorized}. */
    static final class Outermost implements PayloadInterceptor, Ordered {

        @Override
        public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
            return chain.next(exchange).onErrorMap(AuthenticationException.class,
                    e -> unauthorized("the bearer token is not valid (" + e.getMessage() + "); log in again"));
        }

        @Override
        public int getOrder() {
            return PayloadInterceptorOrder.BASIC_AUTHENTICATION.getOrder() - 1;
        }
    }

    /**
     * Just before authorization, on requests (not the setup, which may come without a token): no token →
     * {@code unauthorized}; one that requires the password change → {@code password-change-required}; a refusal by
     * the route rules → {@code forbidden}.
     */
    static final class BeforeAuthorization implements PayloadInterceptor, Ordered {

        @Override
        public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
            if (!exchange.getType().isRequest()) {
                return chain.next(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(a -> !(a instanceof AnonymousAuthenticationToken))
                    .switchIfEmpty(Mono.error(() -> unauthorized(
                            "a bearer token is required (message/x.rsocket.authentication.v0)")))
                    .flatMap(authentication -> PasswordChangeRequired.of(authentication)
                            ? Mono.error(new ApplicationErrorException(PASSWORD_CHANGE_REQUIRED
                                    + PasswordChangeRequired.DETAIL))
                            : chain.next(exchange).onErrorMap(AccessDeniedException.class,
                                    e -> new ApplicationErrorException(FORBIDDEN + "this app is for grid workers "
                                            + "and unit handlers")));
        }

        @Override
        public int getOrder() {
            return PayloadInterceptorOrder.AUTHORIZATION.getOrder() - 1;
        }
    }
}
