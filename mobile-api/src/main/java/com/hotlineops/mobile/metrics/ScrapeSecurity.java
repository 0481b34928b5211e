package com.hotlineops.mobile.metrics;

import com.hotlineops.core.security.ScrapeCredential;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.mobile.web.ProblemCode;
import com.hotlineops.mobile.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus}, ahead of every other route: only the scrape credential ({@code HOTLINE_METRICS_TOKEN})
 * reads it. This app faces the internet, so a phone's valid token is refused (403) like any other, and without the
 * credential configured nobody reads the metrics at all. Every other route keeps the rules of the security
 * configuration.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {

    static final String PATH = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(ScrapeSecurity.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain metricsScrape(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, TokenService tokens,
            JsonMapper json, @Value("${hotline.metrics.token:}") String token) {
        ScrapeCredential credential = ScrapeCredential.of(token);
        if (!credential.configured()) {
            log.info("No HOTLINE_METRICS_TOKEN: nobody can read {}", PATH);
        }
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(jwtDecoder);
        jwt.setJwtAuthenticationConverter(tokens.authenticationConverter());
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATH))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a.anyExchange().hasAuthority(ScrapeCredential.AUTHORITY))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.authenticationManager(credential.orElse(jwt)))
                        .authenticationEntryPoint((exchange, e) -> write(exchange, json,
                                Problems.of(ProblemCode.UNAUTHORIZED, "The scrape credential is required"),
                                "Bearer error=\"invalid_token\""))
                        .accessDeniedHandler((exchange, e) -> write(exchange, json,
                                Problems.of(ProblemCode.FORBIDDEN, "Only Prometheus reads the metrics"),
                                "Bearer error=\"insufficient_scope\"")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> write(exchange, json,
                                Problems.of(ProblemCode.UNAUTHORIZED, "The scrape credential is required"), "Bearer"))
                        .accessDeniedHandler((exchange, ex) -> write(exchange, json,
                                Problems.of(ProblemCode.FORBIDDEN, "Only Prometheus reads the metrics"),
                                "Bearer error=\"insufficient_scope\"")))
                .build();
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
