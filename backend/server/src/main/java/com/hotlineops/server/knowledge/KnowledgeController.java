package com.hotlineops.server.knowledge;

import com.hotlineops.core.knowledge.Article;
import com.hotlineops.core.knowledge.ArticleDraft;
import com.hotlineops.core.knowledge.KnowledgeBase;
import com.hotlineops.core.knowledge.SearchHit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Search for agents on a call ({@code q} in Chinese or Latin; every term must match), short suggestions while they
 * type, and editing for supervisors. Creating is not idempotent (each call adds an article); replacing is.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeController {

    private final KnowledgeBase knowledge;

    KnowledgeController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/search")
    Flux<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "false") boolean includeExpired) {
        return knowledge.search(q, limit, includeExpired);
    }

    /** Titles only, at most eight: what a search box shows under the cursor. */
    @GetMapping("/suggest")
    Flux<Suggestion> suggest(@RequestParam String q) {
        return knowledge.search(q, 8, false).map(h -> new Suggestion(h.article().id(), h.article().title()));
    }

    @GetMapping("/articles/{id}")
    Mono<ResponseEntity<Article>> article(@PathVariable UUID id) {
        return knowledge.find(id).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
    }

    @PostMapping("/articles")
    Mono<ResponseEntity<Article>> create(@RequestBody ArticleDraft draft) {
        return knowledge.create(draft).map(a -> ResponseEntity.status(HttpStatus.CREATED).body(a));
    }

    /** Imports a batch of articles (at most 10,000), all or nothing. Not idempotent: importing twice adds twice. */
    @PostMapping("/imports")
    Mono<ResponseEntity<ImportResult>> importAll(@RequestBody List<ArticleDraft> drafts) {
        return knowledge.importAll(drafts)
                .map(n -> ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(n)));
    }

    record ImportResult(int imported) {
    }

    @PutMapping("/articles/{id}")
    Mono<ResponseEntity<Article>> replace(@PathVariable UUID id, @RequestBody ArticleDraft draft) {
        return knowledge.replace(id, draft).map(ResponseEntity::ok).defaultIfEmpty(ResponseEntity.notFound().build());
    }

    record Suggestion(UUID id, String title) {
    }
}
