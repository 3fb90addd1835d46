package org.hotline12345.workflow.merge;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * How alike two case texts are, from 0 (nothing in common) to 1 (the same after normalisation).
 *
 * <p>Both texts are normalised first: Unicode NFKC (full-width letters and digits become half-width), lower case, and
 * every character that is not a letter or a digit removed (spaces, punctuation, symbols). The measure is then the
 * Sørensen–Dice coefficient of their character bigrams: twice the number of bigrams they share (counted with
 * multiplicity) divided by the number of bigrams of both. Bigrams of characters suit Chinese, which has no spaces
 * between words, as well as alphabetic text; word order within a sentence matters only locally. A text of one
 * character is compared as that character; two empty texts are not alike (0).
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    public static double of(String first, String second) {
        String a = normalise(first);
        String b = normalise(second);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        Map<String, Integer> bigramsOfA = bigrams(a);
        Map<String, Integer> bigramsOfB = bigrams(b);
        int shared = 0;
        for (Map.Entry<String, Integer> entry : bigramsOfA.entrySet()) {
            shared += Math.min(entry.getValue(), bigramsOfB.getOrDefault(entry.getKey(), 0));
        }
        int total = count(bigramsOfA) + count(bigramsOfB);
        return 2.0 * shared / total;
    }

    /** The text as compared: NFKC, lower case, letters and digits only. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> bigrams = new HashMap<>();
        int[] points = text.codePoints().toArray();
        if (points.length == 1) {
            bigrams.put(new String(points, 0, 1), 1);
            return bigrams;
        }
        for (int i = 0; i + 1 < points.length; i++) {
            bigrams.merge(new String(points, i, 2), 1, Integer::sum);
        }
        return bigrams;
    }

    private static int count(Map<String, Integer> bigrams) {
        return bigrams.values().stream().mapToInt(Integer::intValue).sum();
    }
}
