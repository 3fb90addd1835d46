package org.hotline12345.workflow.merge;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

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
        return new Prepared(codePoints(text));
    }

    /** The text as compared: NFKC, lower case, letters and digits only. */
    public static String normalise(String text) {
        int[] points = codePoints(text);
        return new String(points, 0, points.length);
    }

    private static int[] codePoints(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] kept = new int[folded.length()];
        int count = 0;
        for (int i = 0; i < folded.length(); ) {
            int point = folded.codePointAt(i);
            if (Character.isLetterOrDigit(point)) {
                kept[count++] = point;
            }
            i += Character.charCount(point);
        }
        return Arrays.copyOf(kept, count);
    }

    /**
     * A text ready to be compared: its normal form and its bigrams, each as one number, sorted. The duplicate search
     * prepares every candidate of an intake, so this is a sorted array compared by one merge rather than a map of
     * strings: counting the bigrams two sorted arrays share, with multiplicity, is walking them side by side.
     */
    public static final class Prepared {

        /** Above every code point: the second half of the key of a one-character text. */
        private static final long NO_SECOND = 0x1FFFFFL;

        private final int[] normalised;
        private final long[] bigrams;

        private Prepared(int[] normalised) {
            this.normalised = normalised;
            if (normalised.length == 1) {
                bigrams = new long[] {key(normalised[0], NO_SECOND)};
            } else {
                bigrams = new long[Math.max(0, normalised.length - 1)];
                for (int i = 0; i < bigrams.length; i++) {
                    bigrams[i] = key(normalised[i], normalised[i + 1]);
                }
                Arrays.sort(bigrams);
            }
        }

        private static long key(long first, long second) {
            return first << 21 | second;
        }

        /** How alike this text and {@code other} are, as {@link TextSimilarity#of} says. */
        public double similarity(Prepared other) {
            if (normalised.length == 0 || other.normalised.length == 0) {
                return 0;
            }
            if (Arrays.equals(normalised, other.normalised)) {
                return 1;
            }
            long[] mine = bigrams;
            long[] theirs = other.bigrams;
            int shared = 0;
            for (int i = 0, j = 0; i < mine.length && j < theirs.length; ) {
                if (mine[i] < theirs[j]) {
                    i++;
                } else if (mine[i] > theirs[j]) {
                    j++;
                } else {
                    shared++;
                    i++;
                    j++;
                }
            }
            return 2.0 * shared / (mine.length + theirs.length);
        }
    }
}
