package org.hotline12345.workflow.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The human-readable number a citizen is told on the phone: {@code RX}, the intake date and a
 * five-digit daily sequence, e.g. {@code RX2026112600001}. Numbers sort in intake order.
 */
public record CaseNumber(String value) implements Comparable<CaseNumber> {

    private static final Pattern FORMAT = Pattern.compile("RX\\d{8}\\d{5,}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public CaseNumber {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case number: " + value);
        }
    }

    /** The number of the {@code sequence}-th case taken in on {@code day} (sequence starts at 1). */
    public static CaseNumber of(LocalDate day, long sequence) {
        if (sequence < 1 || sequence > 99_999) {
            throw new IllegalArgumentException("daily sequence out of range: " + sequence);
        }
        return new CaseNumber("RX" + DAY.format(day) + String.format("%05d", sequence));
    }

    @Override
    public int compareTo(CaseNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
