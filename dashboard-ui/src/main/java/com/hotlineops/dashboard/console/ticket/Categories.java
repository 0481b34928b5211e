package com.hotlineops.dashboard.console.ticket;

import com.hotlineops.contract.category.Category;
import com.hotlineops.dashboard.console.BackendApi;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The category tree of requests (诉求分类, {@code GET /api/v1/categories}) for pickers and labels. The tree is data
 * shipped with the backend and its codes never change meaning, so it is read once, with the first desk user's token
 * that asks, and kept; a failed read is not kept, the next use tries again. Until then a category shows as its code.
 */
@Component
public class Categories {

    private static final ParameterizedTypeReference<List<Category>> TREE = new ParameterizedTypeReference<>() {
    };

    private final BackendApi backend;
    private volatile Tree tree;

    Categories(BackendApi backend) {
        this.backend = backend;
    }

    private record Tree(List<Category> all, Map<String, Category> byCode) {
    }

    /** The categories a ticket can be filed under (the second level), domain by domain, in the tree's order. */
    public List<Category> leaves() {
        return tree().map(t -> t.all().stream().filter(c -> !c.topLevel()).toList()).orElse(List.of());
    }

    /** "domain / category" in the UI's language; the code itself when unknown, empty when there is none. */
    public String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Optional<Tree> known = tree();
        Category category = known.map(t -> t.byCode().get(code)).orElse(null);
        if (category == null) {
            return code;
        }
        Category parent = category.parentCode() == null ? null : known.get().byCode().get(category.parentCode());
        return parent == null ? name(category) : name(parent) + " / " + name(category);
    }

    private static String name(Category category) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.SIMPLIFIED_CHINESE : ui.getLocale();
        return "zh".equals(locale.getLanguage()) || category.nameEn() == null ? category.name() : category.nameEn();
    }

    private Optional<Tree> tree() {
        Tree known = tree;
        if (known == null) {
            List<Category> read;
            try {
                read = backend.get("/api/v1/categories", TREE);
            } catch (BackendProblem problem) {
                return Optional.empty();
            }
            known = new Tree(List.copyOf(read), read.stream()
                    .collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a)));
            tree = known;
        }
        return Optional.of(known);
    }
}
