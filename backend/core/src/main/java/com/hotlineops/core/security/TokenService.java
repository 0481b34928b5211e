package com.hotlineops.core.security;

import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.core.config.HotlineProperties;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.convert.converter.Converter;
import org.springframework.r2dbc.core.DatabaseClient;
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
import org.springframework.security.oauth2.jwt.JwtException;
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
    /** On access tokens of an account whose password an administrator set: only the password change is open. */
    public static final String PASSWORD_CHANGE_CLAIM = "pwd_change";
    static final String TYPE_CLAIM = "typ";
    /** On refresh tokens: the user's token generation when it was issued (decision 0032). */
    static final String GENERATION_CLAIM = "gen";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    private final HotlineProperties.Security settings;
    private final Clock clock;
    private final NimbusJwtEncoder encoder;
    private final NimbusReactiveJwtDecoder accessDecoder;
    private final NimbusReactiveJwtDecoder refreshDecoder;
    private final UserDirectory users;
    private final DatabaseClient db;
    private final LoginThrottle throttle;

    TokenService(HotlineProperties properties, Clock clock, UserDirectory users, DatabaseClient db,
            LoginThrottle throttle) {
        this.throttle = throttle;
        this.settings = properties.security();
        this.clock = clock;
        this.users = users;
        this.db = db;
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

    /**
     * A token pair for the enabled account with these credentials, through the login throttle (decision 0037).
     *
     * @param clientAddress where the login came from ({@link LoginThrottle#clientAddress}); null when unknown
     * @throws TooManyLoginsException too many failures lately for the username or the address
     */
    public Mono<TokenResponse> login(String username, String password, String clientAddress) {
        return throttle.authenticate(username, password, clientAddress, user -> true).map(this::issue);
    }

    /**
     * A fresh pair for the owner of a valid refresh token that was not revoked, if they are still enabled and no
     * administrator has changed their account since it was issued (its generation is still theirs, decision 0032).
     * The new tokens say what the account says now, a password change still required included.
     */
    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshDecoder.decode(refreshToken)
                .filterWhen(jwt -> revoked(jwt.getId()).map(revoked -> !revoked))
                .flatMap(jwt -> users.findById(UUID.fromString(jwt.getSubject()))
                        .filter(user -> user.tokenGeneration() == generation(jwt)))
                .filter(UserAccount::enabled)
                .map(this::issue);
    }

    /** Refresh tokens issued before generations existed carry none: generation 0, which every account started at. */
    private static int generation(Jwt jwt) {
        Object claim = jwt.getClaims().get(GENERATION_CLAIM);
        return claim instanceof Number n ? n.intValue() : 0;
    }

    /**
     * Logout: the refresh token no longer refreshes. Access tokens are not tracked and stay valid until they expire
     * ({@code accessTokenTtl}). Revoking twice, or a token that is not a valid refresh token, does nothing.
     */
    public Mono<Void> revoke(String refreshToken) {
        return refreshDecoder.decode(refreshToken)
                .onErrorResume(JwtException.class, e -> Mono.empty())
                .flatMap(jwt -> db.sql("delete from revoked_refresh_token where expires_at < :now")
                        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .then()
                        .then(db.sql("""
                                        insert into revoked_refresh_token (jti, user_id, expires_at)
                                        values (:jti, :user, :expires) on conflict (jti) do nothing""")
                                .bind("jti", jwt.getId()).bind("user", UUID.fromString(jwt.getSubject()))
                                .bind("expires", jwt.getExpiresAt().atOffset(ZoneOffset.UTC))
                                .then()));
    }

    private Mono<Boolean> revoked(String jti) {
        if (jti == null) {
            return Mono.just(true);
        }
        return db.sql("select 1 from revoked_refresh_token where jti = :jti").bind("jti", jti)
                .map(row -> true).one().defaultIfEmpty(false);
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
        if (REFRESH.equals(type)) {
            claims.claim(GENERATION_CLAIM, user.tokenGeneration());
        } else if (user.passwordChangeRequired()) {
            claims.claim(PASSWORD_CHANGE_CLAIM, true);
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
