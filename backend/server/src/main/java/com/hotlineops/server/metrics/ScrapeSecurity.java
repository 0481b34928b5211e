package com.hotlineops.server.metrics;

import com.hotlineops.core.security.Role;
import com.hotlineops.core.security.ScrapeCredential;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.server.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus}, ahead of every other route (decision 0030): Prometheus presents the scrape credential
 * ({@code HOTLINE_METRICS_TOKEN}) as its bearer token; an administrator's token is still accepted, as before. Nobody
 * else reads the metrics, and the credential opens nothing but this path: every other route keeps its own rules in
 * the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {

    static final String PATH = "/actuator/prometheus";
    private static final String UNAUTHORIZED = "The scrape credential or an administrator's token is required";
    private static final Logger log = LoggerFactory.getLogger(ScrapeSecurity.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain metricsScrape(ServerHttpSecurity http, TokenService tokens, JsonMapper json,
            @Value("${hotline.metrics.token:}") String token) {
        ScrapeCredential credential = ScrapeCredential.of(token);
        if (!credential.configured()) {
            log.info("No HOTLINE_METRICS_TOKEN: {} answers administrators' tokens only", PATH);
        }
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(tokens.accessTokenDecoder());
        jwt.setJwtAuthenticationConverter(tokens.authenticationConverter());
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATH))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a.anyExchange()
                        .hasAnyAuthority(ScrapeCredential.AUTHORITY, Role.ADMIN.authority()))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.authenticationManager(credential.orElse(jwt)))
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, json,
                                HttpStatus.UNAUTHORIZED, UNAUTHORIZED)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> Problems.write(exchange, json,
                                HttpStatus.UNAUTHORIZED, UNAUTHORIZED))
                        .accessDeniedHandler((exchange, ex) -> Problems.write(exchange, json, HttpStatus.FORBIDDEN,
                                "Only Prometheus and administrators read the metrics")))
                .build();
    }
}
