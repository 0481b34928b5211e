package com.hotlineops.dashboard.live;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Signs the wall's service account in to the backend ({@code POST /api/v1/auth/token}, DESIGN.md §4). */
final class BackendTokenClient {

    static final String TOKEN_PATH = "/api/v1/auth/token";

    private final RestClient http;
    private final TokenRequest credentials;

    BackendTokenClient(URI backend, String username, String password, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(backend.toString()).requestFactory(requests).build();
        this.credentials = TokenRequest.password(username, password);
    }

    /** A fresh access token; the blocking HTTP call runs on the bounded-elastic scheduler. */
    Mono<TokenResponse> fetch() {
        return Mono.fromCallable(() -> http.post()
                        .uri(TOKEN_PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(credentials)
                        .retrieve()
                        .body(TokenResponse.class))
                .filter(token -> token.accessToken() != null && !token.accessToken().isBlank())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("backend answered without an access token")))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
