package com.hotlineops.server.security;

import com.hotlineops.core.security.Role;
import com.hotlineops.core.security.TokenExpiry;
import com.hotlineops.core.security.TokenService;
import com.hotlineops.server.partner.PartnerKeyAuthentication;
import com.hotlineops.server.web.Problems;
import java.time.Clock;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route needs a valid access token except issuing one, health and the API docs; a token that requires the
 * password change opens only that change and the token endpoint ({@link PasswordChangeGate}, decision 0036); any
 * signed-in user may change their own password. Roles per DESIGN.md §3:
 * the telephone platform and partner systems post CTI events and intake (partners also by {@code X-Api-Key}); agents
 * take requests; dispatchers dispatch; the wall and supervisors read figures and frames; each desk follows its own
 * queue's changes. Open311 GeoReport v2 answers
 * its own way: public reads, writes with an {@code api_key} (decision 0017).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableRSocketSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain httpSecurity(ServerHttpSecurity http, TokenService tokens, JsonMapper json,
            PartnerKeyAuthentication partnerKeys) {
        return http
                .addFilterAt(partnerKeys.filter(json), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(PasswordChangeGate.http(json), SecurityWebFiltersOrder.AUTHORIZATION)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/password").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/api/v1/cti/**").hasAnyRole(roles(Role.PARTNER, Role.ADMIN))
                        // Open311 is public by design; writes check their api_key in the handler (decision 0017).
                        .pathMatchers("/open311/v2/**").permitAll()
                        .pathMatchers("/api/v1/admin/partners", "/api/v1/admin/partners/**").hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.POST, "/api/v1/intake")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.PARTNER, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/submit", "/api/v1/tickets/*/answer",
                                "/api/v1/tickets/*/emergency")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/accept", "/api/v1/tickets/*/progress",
                                "/api/v1/tickets/*/finish", "/api/v1/tickets/*/return")
                        .hasAnyRole(roles(Role.UNIT_HANDLER, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/extension")
                        .hasAnyRole(roles(Role.UNIT_HANDLER, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/pause", "/api/v1/tickets/*/resume")
                        .hasAnyRole(roles(Role.UNIT_HANDLER, Role.DISPATCHER, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/return/approve",
                                "/api/v1/tickets/*/return/reject", "/api/v1/tickets/*/extension/approve",
                                "/api/v1/tickets/*/extension/reject")
                        .hasAnyRole(roles(Role.DISPATCHER, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/audit/pass", "/api/v1/tickets/*/audit/reject")
                        .hasAnyRole(roles(Role.AUDITOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/revisit")
                        .hasAnyRole(roles(Role.REVISIT, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/tags")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/shifts/mine").hasAnyRole(roles(Role.DIRECTOR))
                        .pathMatchers(HttpMethod.GET, "/api/v1/shifts", "/api/v1/shifts/*")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.DIRECTOR, Role.WALL, Role.ADMIN))
                        .pathMatchers("/api/v1/shifts", "/api/v1/shifts/*").hasAnyRole(roles(Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/mark-track/**")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.DIRECTOR, Role.WALL, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/supervise")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/merge")
                        .hasAnyRole(roles(Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/three-way-calls")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports/**")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/hotspots")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.DIRECTOR, Role.WALL, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/enterprise/ledger.xlsx")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.DIRECTOR, Role.AUDITOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.POST, "/api/v1/tickets/*/dispatch")
                        .hasAnyRole(roles(Role.DISPATCHER, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/tickets/**")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.DISPATCHER, Role.SUPERVISOR, Role.AUDITOR,
                                Role.REVISIT, Role.UNIT_HANDLER, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/org/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/categories").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/knowledge/**")
                        .hasAnyRole(roles(Role.AGENT, Role.DIRECTOR, Role.DISPATCHER, Role.SUPERVISOR, Role.AUDITOR,
                                Role.REVISIT, Role.UNIT_HANDLER, Role.ADMIN))
                        .pathMatchers("/api/v1/knowledge/**").hasAnyRole(roles(Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/calendar/years")
                        .hasAnyRole(roles(Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/v1/calendar/add", "/api/v1/calendar/days").authenticated()
                        .pathMatchers(HttpMethod.PUT, "/api/v1/calendar/days/*").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/calendar/days/*").hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/v1/sla/policies", "/api/v1/sla/policies/*").hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/v1/figures/**")
                        .hasAnyRole(roles(Role.WALL, Role.SUPERVISOR, Role.DIRECTOR, Role.AGENT, Role.ADMIN))
                        .pathMatchers("/api/v1/callbacks/**", "/api/v1/callbacks")
                        .hasAnyRole(roles(Role.AGENT, Role.SUPERVISOR, Role.ADMIN))
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyExchange().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(tokens.accessTokenDecoder())
                                .jwtAuthenticationConverter(tokens.authenticationConverter()))
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, json,
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> Problems.write(exchange, json,
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((exchange, ex) -> Problems.write(exchange, json, HttpStatus.FORBIDDEN,
                                "Your role may not use this route")))
                .build();
    }

    /**
     * RSocket: a bearer token in the standard authentication metadata, on the setup frame or on each request.
     * Only the routes named here exist for a caller; everything else is denied. A request under an expired token is
     * refused with {@link com.hotlineops.contract.auth.TokenExpired#MESSAGE}, although a setup token holds for the
     * connection in Spring Security (decision 0043).
     */
    @Bean
    PayloadSocketAcceptorInterceptor rsocketSecurity(RSocketSecurity rsocket, TokenService tokens, Clock clock) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(tokens.accessTokenDecoder());
        manager.setJwtAuthenticationConverter(tokens.authenticationConverter());
        return rsocket
                .addPayloadInterceptor(TokenExpiry.refusingExpired(clock))
                .addPayloadInterceptor(new PasswordChangeGate.RSocket())
                .authorizePayload(a -> a
                        .setup().permitAll()
                        .route("wall.frames").hasAnyRole(roles(Role.WALL, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN))
                        .route("callbacks.tasks").hasAnyRole(roles(Role.SUPERVISOR, Role.AGENT, Role.ADMIN))
                        // As each desk's console and steps (decision 0044); any other name is refused by name.
                        .route("desk.changes.DISPATCH").hasAnyRole(roles(Role.DISPATCHER, Role.ADMIN))
                        .route("desk.changes.AUDIT").hasAnyRole(roles(Role.AUDITOR, Role.ADMIN))
                        .route("desk.changes.REVISIT").hasAnyRole(roles(Role.REVISIT, Role.ADMIN))
                        .route("desk.changes.*").authenticated()
                        .anyRequest().denyAll()
                        .anyExchange().permitAll())
                .jwt(j -> j.authenticationManager(manager))
                .build();
    }

    /**
     * Every stream ({@code wall.frames}, {@code callbacks.tasks}, {@code desk.changes.*}) ends when the token it was
     * opened with expires (decision 0043): the wall and the consoles open it again with a fresh one. Of the highest precedence so that it is
     * registered before, and so wraps the handler inside, Spring Security's interceptor.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RSocketServerCustomizer streamsEndWithTheirToken(Clock clock) {
        return server -> server.interceptors(registry -> registry.forSocketAcceptor(TokenExpiry.endingStreams(clock)));
    }

    private static String[] roles(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
