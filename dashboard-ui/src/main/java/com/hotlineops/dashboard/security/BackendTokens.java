package com.hotlineops.dashboard.security;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The backend's token endpoint ({@code POST /api/v1/auth/token}, DESIGN.md §4) for desk users: a password for a
 * first token pair, a refresh token for the next. Errors come back as Spring's {@code RestClientException}s.
 */
@Component
public class BackendTokens {

    static final String TOKEN_PATH = "/api/v1/auth/token";

    private final RestClient http;

    BackendTokens(@Value("${hotline.backend.host:127.0.0.1}") String host,
            @Value("${hotline.backend.port:8080}") int port,
            @Value("${hotline.console.backend-timeout:5s}") Duration timeout) {
        this.http = client(URI.create("http://" + host + ":" + port), timeout);
    }

    /** A plain blocking client with timeouts, for the backend's JSON API. */
    public static RestClient client(URI backend, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(backend.toString()).requestFactory(requests).build();
    }

    /**
     * @param browserAddress the signing-in browser's address, sent as {@code X-Forwarded-For}: the backend counts
     *                       failed logins per client address (decision 0037) and believes it only when this console's
     *                       address is among its trusted proxies; null sends none
     */
    TokenResponse password(String username, String password, String browserAddress) {
        return http.post().uri(TOKEN_PATH).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (browserAddress != null) {
                        h.set("X-Forwarded-For", browserAddress);
                    }
                })
                .body(TokenRequest.password(username, password)).retrieve().body(TokenResponse.class);
    }

    TokenResponse refresh(String refreshToken) {
        return request(new TokenRequest(null, null, refreshToken));
    }

    private TokenResponse request(TokenRequest body) {
        return http.post().uri(TOKEN_PATH).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(TokenResponse.class);
    }
}
