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
        return prepare(first).similarity(prepare(second));
    }

    /** The text normalised and cut into bigrams once, for comparing one text with many (the duplicate search). */
    public static Prepared prepare(String text) {
        return new Prepared(normalise(text));
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

    /** A text ready to be compared: its normal form and its bigrams with their counts. */
    public static final class Prepared {

        private final String normalised;
        private final Map<String, Integer> bigrams;
        private final int bigramCount;

        private Prepared(String normalised) {
            this.normalised = normalised;
            this.bigrams = bigrams(normalised);
            this.bigramCount = bigrams.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** How alike this text and {@code other} are, as {@link TextSimilarity#of} says. */
        public double similarity(Prepared other) {
            if (normalised.isEmpty() || other.normalised.isEmpty()) {
                return 0;
            }
            if (normalised.equals(other.normalised)) {
                return 1;
            }
            int shared = 0;
            for (Map.Entry<String, Integer> entry : bigrams.entrySet()) {
                shared += Math.min(entry.getValue(), other.bigrams.getOrDefault(entry.getKey(), 0));
            }
            return 2.0 * shared / (bigramCount + other.bigramCount);
        }
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
}
