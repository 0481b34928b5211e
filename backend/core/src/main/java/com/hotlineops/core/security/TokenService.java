package com.hotlineops.core.security;

import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.config.HotlineProperties;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The local token issuer (DESIGN.md §3): short-lived HS256 access tokens carrying the user's roles, unit and grid,
 * and longer refresh tokens that only this service accepts. Every app of a deployment shares the key.
 */
@Component
public class TokenService {

    public static final String ROLES_CLAIM = "roles";
    public static final String USERNAME_CLAIM = "preferred_username";
    public static final String UNIT_CLAIM = "unit";
    public static final String GRID_CLAIM = "grid";
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    private final HotlineProperties.Security settings;
    private final Clock clock;
    private final NimbusJwtEncoder encoder;
    private final NimbusReactiveJwtDecoder accessDecoder;
    private final NimbusReactiveJwtDecoder refreshDecoder;
    private final UserDirectory users;

    TokenService(HotlineProperties properties, Clock clock, UserDirectory users) {
        this.settings = properties.security();
        this.clock = clock;
        this.users = users;
        byte[] secret = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("hotline.security.jwt-secret must be at least 32 bytes");
        }
        SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.accessDecoder = decoder(key, ACCESS);
        this.refreshDecoder = decoder(key, REFRESH);
    }

    private NimbusReactiveJwtDecoder decoder(SecretKey key, String type) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> typeCheck = jwt -> type.equals(jwt.getClaimAsString(TYPE_CLAIM))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong token type", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), typeCheck));
        return decoder;
    }

    /** Verifies access tokens; use it for the resource server on HTTP and RSocket. */
    public ReactiveJwtDecoder accessTokenDecoder() {
        return accessDecoder;
    }

    /** Maps a verified token to the {@code ROLE_*} authorities of its roles claim. */
    public Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        return jwt -> Mono.just(new JwtAuthenticationToken(jwt,
                Actor.from(jwt).roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                jwt.getClaimAsString(USERNAME_CLAIM)));
    }

    public Mono<TokenResponse> login(String username, String password) {
        return users.authenticate(username, password).map(this::issue);
    }

    /** A fresh pair for the owner of a valid refresh token, if they are still enabled. */
    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshDecoder.decode(refreshToken)
                .flatMap(jwt -> users.findById(UUID.fromString(jwt.getSubject())))
                .filter(UserAccount::enabled)
                .map(this::issue);
    }

    public TokenResponse issue(UserAccount user) {
        Instant now = clock.instant();
        return new TokenResponse(encode(user, ACCESS, now, settings.accessTokenTtl()),
                encode(user, REFRESH, now, settings.refreshTokenTtl()), settings.accessTokenTtl().toSeconds());
    }

    private String encode(UserAccount user, String type, Instant now, Duration ttl) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(TYPE_CLAIM, type)
                .claim(USERNAME_CLAIM, user.username())
                .claim(ROLES_CLAIM, user.roles().stream().map(Enum::name).sorted().toList());
        if (user.unitId() != null) {
            claims.claim(UNIT_CLAIM, user.unitId().toString());
        }
        if (user.gridId() != null) {
            claims.claim(GRID_CLAIM, user.gridId().toString());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
