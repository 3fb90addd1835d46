package org.hotline12345.workflow.cases;

import java.util.Objects;
import java.util.regex.Pattern;

/** A handling unit (承办单位) such as {@code lixia} or {@code city-urban-management}. */
public record UnitId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public UnitId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a unit id is 1 to 64 lower-case letters, digits, '.', '_' or '-': " + value);
        }
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    /** True when {@code value} would make a valid unit id; lets validators report instead of throw. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
