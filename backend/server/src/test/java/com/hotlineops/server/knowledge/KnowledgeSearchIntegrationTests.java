package com.hotlineops.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.core.knowledge.ArticleDraft;
import com.hotlineops.server.BackendIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class KnowledgeSearchIntegrationTests extends BackendIntegrationTest {

    private String marker;

    @BeforeEach
    void articles() {
        marker = "k" + UUID.randomUUID().toString().substring(0, 8);
        create(new ArticleDraft("居民反映用水问题 " + marker, "小区已经停水两天了，物业称管道检修。", "公用事业", "水务", null, null));
        create(new ArticleDraft("停水通知规范 " + marker, "计划停水须提前公告。", "公用事业", "水务", null, null));
        create(new ArticleDraft("过期的停水政策 " + marker, "旧规定。", "公用事业", "水务", LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1)));
    }

    private void create(ArticleDraft draft) {
        http.post().uri("/api/v1/knowledge/articles").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .bodyValue(draft).exchange().expectStatus().isCreated();
    }

    private List<Map<String, Object>> search(String q, boolean includeExpired) {
        return http.get().uri(b -> b.path("/api/v1/knowledge/search").queryParam("q", q)
                        .queryParam("includeExpired", includeExpired).build())
                .headers(h -> h.setBearerAuth(token(http, "agent1")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> (String) ((Map<String, Object>) h.get("article")).get("title")).toList();
    }

    @Test
    void wordInsideUnsegmentedTextThenFoundAndTitleMatchRanksFirst() {
        List<String> found = titles(search("停水 " + marker, false));

        assertThat(found).containsExactly("停水通知规范 " + marker, "居民反映用水问题 " + marker);
    }

    @Test
    void expiredArticleThenOnlyWhenAskedFor() {
        assertThat(titles(search("停水 " + marker, true))).hasSize(3).contains("过期的停水政策 " + marker);
    }

    @Test
    void termsNotTogetherInAnyArticleThenNothing() {
        assertThat(search("停电 " + marker, false)).isEmpty();
        assertThat(search("，。", false)).isEmpty();
    }

    @Test
    void hitCarriesExcerptAroundTheMatch() {
        List<Map<String, Object>> hits = search("两天 " + marker, false);
        assertThat(hits).singleElement().satisfies(h -> assertThat((String) h.get("excerpt")).contains("停水两天"));
    }

    @Test
    void gridWorkerOrWallThenForbiddenAndAgentCannotEdit() {
        http.get().uri("/api/v1/knowledge/search?q=停水").headers(h -> h.setBearerAuth(token(http, "wall")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/knowledge/articles").headers(h -> h.setBearerAuth(token(http, "agent1")))
                .bodyValue(new ArticleDraft("t", "b", null, null, null, null))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void importedArticlesThenSearchableAndABadDraftRejectsTheWholeImport() {
        String tag = "imp" + UUID.randomUUID().toString().substring(0, 6);
        http.post().uri("/api/v1/knowledge/imports").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .bodyValue(List.of(new ArticleDraft("燃气安全 " + tag, "燃气泄漏请立即关闭阀门。", null, null, null, null),
                        new ArticleDraft("电梯维保 " + tag, "电梯困人请拨打96333。", null, null, null, null)))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.imported").isEqualTo(2);
        assertThat(titles(search("阀门 " + tag, false))).containsExactly("燃气安全 " + tag);

        http.post().uri("/api/v1/knowledge/imports").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .bodyValue(List.of(new ArticleDraft("好的 " + tag + "x", "正文", null, null, null, null),
                        new ArticleDraft("", "没有标题", null, null, null, null)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("article 2: title is required, at most 200 characters");
        assertThat(search(tag + "x", false)).isEmpty();
    }

    @Test
    void draftWithoutBodyThenBadRequestProblem() {
        http.post().uri("/api/v1/knowledge/articles").headers(h -> h.setBearerAuth(token(http, "supervisor1")))
                .bodyValue(new ArticleDraft("标题", " ", null, null, null, null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("body is required, at most 50000 characters");
    }
}
