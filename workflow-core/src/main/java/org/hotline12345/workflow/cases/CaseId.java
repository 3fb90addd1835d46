package org.hotline12345.workflow.cases;

import java.util.Objects;
import java.util.UUID;

/** The stable identifier of a case; never changes and never reused. */
public record CaseId(String value) {

    public CaseId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a case id is 1 to 64 characters");
        }
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID().toString());
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
