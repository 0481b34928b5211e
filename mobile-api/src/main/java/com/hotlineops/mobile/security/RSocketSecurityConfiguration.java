package com.hotlineops.mobile.security;

import com.hotlineops.core.security.TokenExpiry;
import com.hotlineops.core.security.TokenService;
import java.time.Clock;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;

/**
 * RSocket: a JWT bearer token in {@code message/x.rsocket.authentication.v0} metadata, sent at setup (it then
 * holds for the connection until it expires) or with each request. {@code mobile.*} routes need a phone role;
 * anything else is denied. Refusals carry the REST codes ({@link RSocketAuthErrors}); a request under an expired
 * token, and a stream whose token expires, get {@link com.hotlineops.contract.auth.TokenExpired#MESSAGE}
 * ({@link TokenExpiry}, decision 0043). The interceptors built here are installed on both the WebSocket and the TCP
 * server.
 */
@Configuration(proxyBeanMethods = false)
@EnableRSocketSecurity
class RSocketSecurityConfiguration {

    @Bean
    PayloadSocketAcceptorInterceptor rsocketInterceptor(RSocketSecurity rsocket, ReactiveJwtDecoder jwtDecoder,
            TokenService tokens, Clock clock) {
        JwtReactiveAuthenticationManager jwtManager = new JwtReactiveAuthenticationManager(jwtDecoder);
        jwtManager.setJwtAuthenticationConverter(tokens.authenticationConverter());
        return rsocket
                .addPayloadInterceptor(new RSocketAuthErrors.Outermost())
                .addPayloadInterceptor(TokenExpiry.refusingExpired(clock))
                .addPayloadInterceptor(new RSocketAuthErrors.BeforeAuthorization())
                .jwt(jwt -> jwt.authenticationManager(jwtManager))
                .authorizePayload(authorize -> authorize
                        .setup().permitAll()
                        .route("mobile.**").hasAnyRole(MobileRoles.NAMES)
                        .anyExchange().denyAll())
                .build();
    }

    /**
     * {@code mobile.feed} ends when the token it was opened with expires (decision 0043). Of the highest precedence
     * so that it is registered before, and so wraps the handler inside, Spring Security's interceptor.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RSocketServerCustomizer streamsEndWithTheirToken(Clock clock) {
        return server -> server.interceptors(registry -> registry.forSocketAcceptor(TokenExpiry.endingStreams(clock)));
    }
}
