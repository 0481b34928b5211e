package com.hotlineops.dashboard.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus}, ahead of Vaadin's chain: only the scrape credential ({@code HOTLINE_METRICS_TOKEN})
 * reads it, as a bearer token; a signed-in console user does not (no session is even looked at). Without the
 * credential configured nobody reads the metrics. Every other path keeps the rules of the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {

    static final String PATH = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(ScrapeSecurity.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${hotline.metrics.token:}") String token,
            ObjectProvider<SecurityContextHolderStrategy> strategies) throws Exception {
        ScrapeCredential credential = ScrapeCredential.of(token);
        if (!credential.configured()) {
            log.info("No HOTLINE_METRICS_TOKEN: nobody can read {}", PATH);
        }
        return http
                .securityMatcher(PATH)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.requireExplicitSave(true))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The strategy the chain reads (Vaadin registers its own), not necessarily the static default.
                .addFilterBefore(new BearerCredentialFilter(credential,
                        strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy)),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(ScrapeCredential.AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                                    "The scrape credential is required");
                        })
                        .accessDeniedHandler((request, response, ex) -> refuse(response,
                                HttpServletResponse.SC_FORBIDDEN, "Only Prometheus reads the metrics")))
                .build();
    }

    /**
     * Answers here rather than by {@code sendError}, whose forward to the error page would meet Vaadin's chain and
     * turn the refusal into a redirect to the console's login.
     */
    private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(why);
    }

    /** Authenticates a request that carries the scrape credential as its bearer token, for that request only. */
    static final class BearerCredentialFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";

        private final ScrapeCredential credential;
        private final SecurityContextHolderStrategy contexts;

        BearerCredentialFilter(ScrapeCredential credential, SecurityContextHolderStrategy contexts) {
            this.credential = credential;
            this.contexts = contexts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && credential.matches(header.substring(BEARER.length()).trim())) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                        List.of(new SimpleGrantedAuthority(ScrapeCredential.AUTHORITY))));
                contexts.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
