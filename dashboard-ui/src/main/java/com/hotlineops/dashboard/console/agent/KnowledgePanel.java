package com.hotlineops.dashboard.console.agent;

import com.hotlineops.dashboard.console.ticket.Notices;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The knowledge base beside the call form. It looks up what the agent types into the call's title and content
 * ({@link #lookUp}, called by the form after the agent pauses typing) and what they type into its own search box
 * (titles while typing, ranked hits with excerpts on Enter). A hit opens the article; its text can become the
 * answer of the call.
 */
class KnowledgePanel extends Composite<VerticalLayout> {

    /** How long the agent pauses typing before a look-up, in milliseconds: one request per pause, not per key. */
    static final int PAUSE_MS = 400;

    private final Knowledge knowledge;
    private final Consumer<String> useAsAnswer;
    private final TextField query = new TextField();
    private final Div suggestions = new Div();
    private final Div hits = new Div();
    private final Div article = new Div();

    KnowledgePanel(Knowledge knowledge, Consumer<String> useAsAnswer) {
        this.knowledge = knowledge;
        this.useAsAnswer = useAsAnswer;
        query.setId("kb-query");
        query.setPlaceholder(getTranslation("console.agent.kb.placeholder"));
        query.setWidthFull();
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(PAUSE_MS);
        query.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                suggest(change.getValue());
            }
        });
        query.addKeyPressListener(Key.ENTER, enter -> search(List.of(query.getValue())));
        Button go = new Button(getTranslation("console.agent.kb.search"), click -> search(List.of(query.getValue())));
        go.setId("kb-search");
        go.addThemeVariants(ButtonVariant.LUMO_SMALL);
        suggestions.setId("kb-suggestions");
        hits.setId("kb-hits");
        article.setId("kb-article");
        getContent().addClassName("desk-side");
        getContent().setPadding(false);
        getContent().add(new H3(getTranslation("console.agent.kb.title")), query, go, suggestions, hits, article);
    }

    /** Looks up the call as typed so far (see {@link LookupQueries}); nothing when there is nothing to look up. */
    void lookUp(String title, String content) {
        List<String> queries = LookupQueries.of(title, content);
        if (queries.isEmpty()) {
            return;
        }
        query.setValue(queries.getFirst());
        suggestions.removeAll();
        search(queries);
    }

    private void suggest(String text) {
        suggestions.removeAll();
        if (text == null || text.isBlank()) {
            return;
        }
        for (Knowledge.Suggestion s : Notices.attempt(() -> knowledge.suggest(text.strip())).orElse(List.of())) {
            Button title = new Button(s.title(), click -> open(s.id()));
            title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            title.addClassName("kb-suggestion");
            suggestions.add(new Div(title));
        }
    }

    /** Asks each query in turn until {@link Knowledge#HITS} distinct articles are found; the first that finds any wins alone. */
    private void search(List<String> queries) {
        hits.removeAll();
        Map<UUID, Knowledge.Hit> found = new LinkedHashMap<>();
        for (int i = 0; i < queries.size() && found.size() < Knowledge.HITS; i++) {
            String q = queries.get(i);
            if (q == null || q.isBlank()) {
                continue;
            }
            Notices.attempt(() -> knowledge.search(q.strip())).orElse(List.of())
                    .forEach(hit -> found.putIfAbsent(hit.article().id(), hit));
            if (i == 0 && !found.isEmpty()) {
                break;
            }
        }
        List<Knowledge.Hit> shown = new ArrayList<>(found.values()).subList(0, Math.min(found.size(), Knowledge.HITS));
        if (shown.isEmpty()) {
            hits.add(new Paragraph(getTranslation("console.agent.kb.none")));
            return;
        }
        for (Knowledge.Hit hit : shown) {
            Button title = new Button(hit.article().title(), click -> show(hit.article()));
            title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span excerpt = new Span(hit.excerpt() == null ? "" : hit.excerpt());
            excerpt.addClassName("desk-hit-excerpt");
            Div row = new Div(title, new Div(excerpt));
            row.addClassName("desk-hit");
            hits.add(row);
        }
    }

    private void open(UUID id) {
        Notices.attempt(() -> knowledge.article(id)).ifPresent(this::show);
    }

    private void show(Knowledge.Article a) {
        article.removeAll();
        Paragraph body = new Paragraph(a.body());
        body.addClassName("desk-article");
        body.setId("kb-article-body");
        Button use = new Button(getTranslation("console.agent.kb.useAsAnswer"), click -> useAsAnswer.accept(a.body()));
        use.setId("kb-use-answer");
        use.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Span source = new Span(a.owner() == null ? "" : getTranslation("console.agent.kb.owner", a.owner()));
        source.addClassName("desk-hit-excerpt");
        article.add(new H4(a.title()), source, body, use);
    }
}
