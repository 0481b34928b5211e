package com.hotlineops.dashboard.console;

import com.hotlineops.dashboard.security.BackendTokens;
import com.hotlineops.dashboard.security.CurrentUser;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's HTTP API as the signed-in desk user calls it: each call carries their own bearer token (refreshed
 * when due, and once more if the backend rejects it), so the backend decides what they may see and do. Refusals come
 * back as {@link BackendProblem} with the problem's detail. Calls block the calling thread for at most the configured
 * timeout ({@code hotline.console.backend-timeout}): views call it from UI event handlers, as Vaadin Flow expects.
 */
@Component
public class BackendApi {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final RestClient http;
    private final CurrentUser user;
    private final JsonMapper json;

    BackendApi(@Value("${hotline.backend.host:127.0.0.1}") String host,
            @Value("${hotline.backend.port:8080}") int port,
            @Value("${hotline.console.backend-timeout:5s}") Duration timeout, CurrentUser user, JsonMapper json) {
        this.http = BackendTokens.client(URI.create("http://" + host + ":" + port), timeout);
        this.user = user;
        this.json = json;
    }

    public <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(bearer -> http.get().uri(uri).headers(h -> h.setBearerAuth(bearer)).retrieve().body(type));
    }

    public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(bearer -> http.get().uri(uri).headers(h -> h.setBearerAuth(bearer)).retrieve().body(type));
    }

    public <T> T get(String path, Class<T> type, Object... variables) {
        return call(bearer -> http.get().uri(path, variables).headers(h -> h.setBearerAuth(bearer)).retrieve()
                .body(type));
    }

    public <T> T get(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return call(bearer -> http.get().uri(path, variables).headers(h -> h.setBearerAuth(bearer)).retrieve()
                .body(type));
    }

    /** POST with a JSON body (or none when {@code body} is null). */
    public <T> T post(String path, Object body, Class<T> type, Object... variables) {
        return call(bearer -> {
            var spec = http.post().uri(path, variables).headers(h -> h.setBearerAuth(bearer));
            return (body == null ? spec : spec.body(body)).retrieve().body(type);
        });
    }

    public <T> T put(String path, Object body, Class<T> type, Object... variables) {
        return call(bearer -> http.put().uri(path, variables).headers(h -> h.setBearerAuth(bearer)).body(body)
                .retrieve().body(type));
    }

    /**
     * PATCH with a JSON merge patch (RFC 7396): the members of {@code patch}, nulls included, replace the resource's;
     * the ones it does not have stay as they are.
     */
    public <T> T mergePatch(String path, Object patch, Class<T> type, Object... variables) {
        return call(bearer -> http.patch().uri(path, variables).headers(h -> h.setBearerAuth(bearer))
                .contentType(MERGE_PATCH).body(patch).retrieve().body(type));
    }

    public void delete(String path, Object... variables) {
        call(bearer -> http.delete().uri(path, variables).headers(h -> h.setBearerAuth(bearer)).retrieve()
                .toBodilessEntity());
    }

    /** DELETE whose answer has a body (an undone calendar edit answers the date as it is again). */
    public <T> T delete(String path, Class<T> type, Object... variables) {
        return call(bearer -> http.delete().uri(path, variables).headers(h -> h.setBearerAuth(bearer)).retrieve()
                .body(type));
    }

    private <T> T call(Function<String, T> request) {
        try {
            try {
                return request.apply(user.bearer());
            } catch (HttpStatusCodeException e) {
                if (e.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value() || !user.refreshAfterRejection()) {
                    throw e;
                }
                return request.apply(user.bearer());
            }
        } catch (HttpStatusCodeException e) {
            throw new BackendProblem(e.getStatusCode().value(), detail(e));
        } catch (ResourceAccessException e) {
            throw new BackendProblem(0, "The backend cannot be reached: " + e.getMostSpecificCause().getMessage());
        }
    }

    private String detail(HttpStatusCodeException e) {
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            String detail = problem.path("detail").asString("");
            if (!detail.isBlank()) {
                return detail;
            }
            return problem.path("title").asString(e.getStatusText());
        } catch (RuntimeException notJson) {
            return e.getStatusCode() + " " + e.getStatusText();
        }
    }
}
