package com.hotlineops.dashboard.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every console view needs a signed-in user with a role its annotation names ({@code @RolesAllowed}, DESIGN.md §3);
 * the login view and the kiosk wall ({@code @AnonymousAllowed}, admitted by its own token) are the exceptions.
 * Besides Vaadin's own resources only the health probes, stylesheets and script WebJars are open.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /** The console's login view (named by path, so that security does not depend on the views). */
    static final String LOGIN_ROUTE = "/login";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**", "/webjars/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE))
                .build();
    }
}
