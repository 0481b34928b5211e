package com.hotlineops.core.category;

import com.hotlineops.contract.category.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The category tree, in file order (domains each followed by their categories). Immutable after start: a change of
 * the tree is a change of the shipped data, reviewed like code, because codes are referred to by stored tickets.
 */
@Component
public class CategoryTree {

    static final String RESOURCE = "/category/categories.csv";

    private final Map<String, Category> byCode;
    private final List<Category> ordered;

    public CategoryTree() {
        this(read(RESOURCE));
    }

    CategoryTree(List<Category> categories) {
        Map<String, Category> map = new LinkedHashMap<>();
        for (Category c : categories) {
            if (c.parentCode() != null && !map.containsKey(c.parentCode())) {
                throw new IllegalStateException("category " + c.code() + " comes before its parent " + c.parentCode());
            }
            if (map.putIfAbsent(c.code(), c) != null) {
                throw new IllegalStateException("category code " + c.code() + " appears twice");
            }
        }
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public List<Category> all() {
        return ordered;
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    /** The categories under a domain, in file order. */
    public List<Category> children(String parentCode) {
        return ordered.stream().filter(c -> parentCode.equals(c.parentCode())).toList();
    }

    static List<Category> read(String resource) {
        try (InputStream in = CategoryTree.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("category tree missing from the classpath: " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Category> categories = new ArrayList<>();
            boolean header = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 4);
                if (f.length != 4 || f[0].isBlank() || f[2].isBlank()) {
                    throw new IllegalStateException("bad category line: " + line);
                }
                categories.add(new Category(f[0].strip(), f[1].isBlank() ? null : f[1].strip(), f[2].strip(),
                        f[3].strip()));
            }
            return categories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
