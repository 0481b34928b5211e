package com.hotlineops.server.category;

import com.hotlineops.contract.category.Category;
import com.hotlineops.core.category.CategoryTree;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree (诉求分类), domains each followed by their categories. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories", description = "The category tree of requests; intake accepts only its codes")
class CategoryController {

    private final CategoryTree tree;

    CategoryController(CategoryTree tree) {
        this.tree = tree;
    }

    @GetMapping
    @Operation(summary = "Every category, domains first in each group; codes are stable")
    List<Category> all() {
        return tree.all();
    }
}
