package com.hotlineops.core.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into search terms without a dictionary: every CJK character and every pair of adjacent CJK characters
 * (so any word of two or more characters is found inside unsegmented text), and lower-cased runs of Latin letters
 * and digits. Everything else (punctuation, spaces) separates terms, so a term never needs escaping in a tsquery.
 */
public final class ChineseTokens {

    private ChineseTokens() {
    }

    /** Terms of a document: unigrams and bigrams of CJK runs, and Latin/digit words. */
    public static List<String> index(String text) {
        List<String> terms = new ArrayList<>();
        for (Run run : runs(text)) {
            if (run.cjk()) {
                int[] cps = run.text().codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    terms.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        terms.add(new String(cps, i, 2));
                    }
                }
            } else {
                terms.add(run.text());
            }
        }
        return terms;
    }

    /**
     * Terms that must all match for a query: the bigrams of each CJK run (a single character stays a unigram) and
     * the Latin/digit words. Distinct, in order of appearance.
     */
    public static List<String> query(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Run run : runs(text)) {
            if (run.cjk()) {
                int[] cps = run.text().codePoints().toArray();
                if (cps.length == 1) {
                    terms.add(run.text());
                }
                for (int i = 0; i + 1 < cps.length; i++) {
                    terms.add(new String(cps, i, 2));
                }
            } else {
                terms.add(run.text());
            }
        }
        return List.copyOf(terms);
    }

    private record Run(String text, boolean cjk) {
    }

    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        StringBuilder current = new StringBuilder();
        Boolean currentCjk = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Boolean kind = isCjk(cp) ? Boolean.TRUE : Character.isLetterOrDigit(cp) ? Boolean.FALSE : null;
            if (kind == null || !kind.equals(currentCjk)) {
                if (!current.isEmpty()) {
                    runs.add(new Run(current.toString().toLowerCase(Locale.ROOT), currentCjk));
                    current.setLength(0);
                }
                currentCjk = kind;
            }
            if (kind != null) {
                current.appendCodePoint(cp);
            }
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString().toLowerCase(Locale.ROOT), currentCjk));
        }
        return runs;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
