package org.hotline12345.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors so that a caller learns about every invalid field at once, then throws
 * one {@link InvalidCaseException}.
 */
public final class Validation {

    private final List<InvalidCaseException.FieldError> errors = new ArrayList<>();

    /** Records why {@code field} is invalid; a field already rejected keeps its first, most specific reason. */
    public Validation reject(String field, String reason) {
        if (errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new InvalidCaseException.FieldError(field, reason));
        }
        return this;
    }

    /** Rejects a missing or blank text, or one longer than {@code maxLength} characters. */
    public Validation requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return reject(field, "is required");
        }
        return limitText(field, value, maxLength);
    }

    /** Accepts a missing text but rejects one longer than {@code maxLength} characters. */
    public Validation limitText(String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    public Validation require(String field, Object value) {
        if (value == null) {
            reject(field, "is required");
        }
        return this;
    }

    /**
     * Parses an enum constant by name, case-insensitively; records "is required" or "unknown value"
     * (listing the accepted values) and returns null when it cannot.
     */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.trim())) {
                return constant;
            }
        }
        reject(field, "unknown value '" + raw + "', expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** @throws InvalidCaseException if any field was rejected */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
    }
}
