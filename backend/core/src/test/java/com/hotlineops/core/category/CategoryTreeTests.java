package com.hotlineops.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hotlineops.contract.category.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTreeTests {

    private final CategoryTree tree = new CategoryTree();

    @Test
    void shippedTreeThenTwoLevelsWithEveryCategoryUnderAnExistingDomain() {
        List<Category> domains = tree.all().stream().filter(Category::topLevel).toList();
        assertThat(domains).hasSize(13).allSatisfy(d -> assertThat(d.code()).hasSize(2));
        assertThat(tree.all()).filteredOn(c -> !c.topLevel()).allSatisfy(c -> {
            assertThat(c.code()).hasSize(4).startsWith(c.parentCode());
            assertThat(tree.find(c.parentCode())).hasValueSatisfying(p -> assertThat(p.topLevel()).isTrue());
            assertThat(c.name()).isNotBlank();
            assertThat(c.nameEn()).isNotBlank();
        });
        assertThat(tree.find("0201")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("噪声扰民"));
        assertThat(tree.find("0101").orElseThrow().nameEn()).contains("street lights");
        assertThat(tree.children("11")).extracting(Category::code).containsExactly("1101", "1102", "1103", "1104");
    }

    @Test
    void childBeforeItsParentOrDuplicateCodeThenRefusedAtStart() {
        assertThatThrownBy(() -> new CategoryTree(List.of(new Category("0101", "01", "a", "a"))))
                .hasMessageContaining("before its parent");
        assertThatThrownBy(() -> new CategoryTree(List.of(new Category("01", null, "a", "a"),
                new Category("01", null, "b", "b")))).hasMessageContaining("twice");
    }
}
