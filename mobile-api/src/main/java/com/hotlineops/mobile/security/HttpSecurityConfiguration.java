package com.hotlineops.mobile.security;

import com.hotlineops.core.security.PasswordChangeRequired;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.mobile.web.ProblemCode;
import com.hotlineops.mobile.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP: a stateless JWT resource server. Login, refresh, logout (each proves itself by its body), health, the API docs and the RSocket WebSocket upgrade are
 * open (the RSocket interceptor authenticates what travels over it); everything else needs a phone role, and a token
 * that requires the password change opens only the auth routes (decision 0036).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class HttpSecurityConfiguration {

    /** Login, refresh, logout and the password change: open to a token that requires the password change. */
    private static final ServerWebExchangeMatcher AUTH_ROUTES = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/mobile/v1/auth/login", "/mobile/v1/auth/refresh", "/mobile/v1/auth/logout", "/mobile/v1/auth/password");

    /** The access-token verifier of the local issuer; also stops Boot from creating a default user. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenService tokens) {
        return tokens.accessTokenDecoder();
    }

    @Bean
    SecurityWebFilterChain httpSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, TokenService tokens,
            JsonMapper json) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterBefore(passwordChangeGate(json), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/mobile/v1/auth/login", "/mobile/v1/auth/refresh",
                                "/mobile/v1/auth/logout").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/rsocket").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**").permitAll()
                        .anyExchange().hasAnyRole(MobileRoles.NAMES))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(tokens.authenticationConverter()))
                        .authenticationEntryPoint((exchange, e) -> write(exchange, json,
                                Problems.of(ProblemCode.UNAUTHORIZED, "A valid bearer token is required"),
                                e instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\""
                                        : "Bearer"))
                        .accessDeniedHandler((exchange, e) -> write(exchange, json,
                                Problems.of(ProblemCode.FORBIDDEN, "This app is for grid workers and unit handlers"),
                                "Bearer error=\"insufficient_scope\"")))
                .build();
    }

    /**
     * While the token requires the password change (decision 0036), only the auth routes are open: every other route
     * answers 403 {@code password-change-required}, before the role check.
     */
    private static WebFilter passwordChangeGate(JsonMapper json) {
        return (exchange, chain) -> AUTH_ROUTES.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.just(false) : ReactiveSecurityContextHolder.getContext()
                        .map(context -> PasswordChangeRequired.of(context.getAuthentication()))
                        .defaultIfEmpty(false))
                .flatMap(refuse -> refuse
                        ? write(exchange, json, Problems.of(ProblemCode.PASSWORD_CHANGE_REQUIRED,
                                PasswordChangeRequired.DETAIL), "Bearer error=\"insufficient_scope\"")
                        : chain.filter(exchange));
    }

    private static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, ProblemDetail problem,
            String challenge) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.setInstance(exchange.getRequest().getURI());
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
