package com.hotlineops.dashboard.console.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to ask the knowledge base while the agent types. The backend wants every term of a query to match, and a
 * Chinese sentence typed as a title ("小区停水两天") is rarely inside any article whole; so the first query is the
 * title as typed (or the start of the content when there is no title yet), and the fallbacks are its words: each
 * Latin/digit word and each two-character piece of a Chinese run, at most {@value #MAX_FALLBACKS}.
 */
final class LookupQueries {

    static final int MAX_TEXT = 30;
    static final int MAX_FALLBACKS = 3;

    private LookupQueries() {
    }

    /** The query as typed first, then its fallbacks; empty when there is nothing to look up yet. */
    static List<String> of(String title, String content) {
        String text = title != null && !title.isBlank() ? title.strip()
                : content == null ? "" : content.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
        }
        if (text.isBlank()) {
            return List.of();
        }
        Set<String> queries = new LinkedHashSet<>();
        queries.add(text);
        queries.addAll(words(text));
        return List.copyOf(queries).subList(0, Math.min(queries.size(), 1 + MAX_FALLBACKS));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        StringBuilder cjk = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(latin, words, false);
                cjk.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flush(cjk, words, true);
                latin.appendCodePoint(cp);
            } else {
                flush(latin, words, false);
                flush(cjk, words, true);
            }
        });
        flush(latin, words, false);
        flush(cjk, words, true);
        return words;
    }

    private static void flush(StringBuilder run, List<String> words, boolean cjk) {
        if (run.isEmpty()) {
            return;
        }
        String s = run.toString();
        if (!cjk) {
            words.add(s);
        } else {
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i += 2) {
                words.add(new String(cps, i, 2));
            }
            if (cps.length == 1) {
                words.add(s);
            }
        }
        run.setLength(0);
    }
}
