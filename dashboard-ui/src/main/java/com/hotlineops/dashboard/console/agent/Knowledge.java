package com.hotlineops.dashboard.console.agent;

import com.hotlineops.dashboard.console.BackendApi;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The knowledge base as an agent on a call uses it ({@code /api/v1/knowledge}): titles while they type, ranked hits
 * with an excerpt around the first match, and a whole article. Every term of a query must match; Chinese text
 * matches by character pairs, so a query is best a few words, not a sentence.
 */
@Component
class Knowledge {

    static final int HITS = 5;

    private static final ParameterizedTypeReference<List<Suggestion>> SUGGESTIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Hit>> HIT_LIST = new ParameterizedTypeReference<>() {
    };

    private final BackendApi backend;

    Knowledge(BackendApi backend) {
        this.backend = backend;
    }

    List<Suggestion> suggest(String query) {
        return backend.get(uri -> uri.path("/api/v1/knowledge/suggest").queryParam("q", "{q}").build(query),
                SUGGESTIONS);
    }

    List<Hit> search(String query) {
        return backend.get(uri -> uri.path("/api/v1/knowledge/search").queryParam("q", "{q}")
                .queryParam("limit", HITS).build(query), HIT_LIST);
    }

    Article article(UUID id) {
        return backend.get("/api/v1/knowledge/articles/{id}", Article.class, id);
    }

    record Suggestion(UUID id, String title) {
    }

    record Hit(Article article, double rank, String excerpt) {
    }

    record Article(UUID id, String title, String body, String category, String owner, LocalDate validFrom,
            LocalDate validTo, Instant updatedAt) {
    }
}
