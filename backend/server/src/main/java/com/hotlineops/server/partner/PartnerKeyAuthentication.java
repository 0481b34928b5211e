package com.hotlineops.server.partner;

import com.hotlineops.core.partner.Partner;
import com.hotlineops.core.partner.PartnerDirectory;
import com.hotlineops.core.security.Role;
import com.hotlineops.server.web.Problems;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates partner systems by the {@code X-Api-Key} header on {@code POST /api/v1/intake}, as the role PARTNER with
 * the {@link Partner} as principal. A wrong, expired or revoked key, or a key sent together with a bearer token, is a
 * 401 problem; the right key of a disabled partner is a 403 problem that says so, so that the partner does not rotate
 * a key that is fine (decision 0026). Without the header the request is left to the bearer-token chain.
 */
@Component
public class PartnerKeyAuthentication {

    /** The header partner systems put their API key in. */
    public static final String HEADER = "X-Api-Key";
    static final String INTAKE = "/api/v1/intake";

    private final PartnerDirectory partners;

    PartnerKeyAuthentication(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The filter to place at the authentication stage of the HTTP chain. */
    public AuthenticationWebFilter filter(JsonMapper json) {
        ReactiveAuthenticationManager manager = presented -> partners
                .identify((String) presented.getCredentials())
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown, expired or revoked API key")))
                .flatMap(partner -> partner.enabled() ? Mono.<Authentication>just(new PartnerAuthentication(partner))
                        : Mono.error(new DisabledException(disabled(partner))));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        ServerWebExchangeMatcher intakeWithKey = exchange -> {
            var request = exchange.getRequest();
            boolean applies = request.getMethod() == HttpMethod.POST && INTAKE.equals(request.getPath().value())
                    && request.getHeaders().containsHeader(HEADER);
            return applies ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        filter.setRequiresAuthenticationMatcher(intakeWithKey);
        filter.setServerAuthenticationConverter(exchange -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            if (headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
                return Mono.error(new BadCredentialsException("Send either a bearer token or an API key, not both"));
            }
            return Mono.just(new PresentedKey(headers.getFirst(HEADER)));
        });
        filter.setAuthenticationFailureHandler((exchange, e) -> Problems.write(exchange.getExchange(), json,
                e instanceof DisabledException ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, e.getMessage()));
        return filter;
    }

    static String disabled(Partner partner) {
        return "Partner " + partner.name() + " is disabled: the hotline refuses its requests until an administrator "
                + "enables it again. The API key itself is valid; do not rotate it, contact the hotline.";
    }

    /** A key as presented, not yet checked. */
    private static final class PresentedKey extends AbstractAuthenticationToken {

        private final String key;

        PresentedKey(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }

    /** A partner authenticated by its key. */
    private static final class PartnerAuthentication extends AbstractAuthenticationToken {

        private final Partner partner;

        PartnerAuthentication(Partner partner) {
            super(List.of(new SimpleGrantedAuthority(Role.PARTNER.authority())));
            this.partner = partner;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return partner;
        }

        @Override
        public String getName() {
            return partner.actor().username();
        }
    }
}
