package com.hotlineops.core.knowledge;

/** An article found by a search, with its rank (higher is better) and a short excerpt around the first match. */
public record SearchHit(Article article, double rank, String excerpt) {
}
