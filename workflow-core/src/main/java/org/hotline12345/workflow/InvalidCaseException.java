package org.hotline12345.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** Input was rejected; {@link #fields()} lists every invalid field with its reason. Nothing was written. */
public final class InvalidCaseException extends HotlineWorkflowException {

    private final List<FieldError> fields;

    public InvalidCaseException(List<FieldError> fields) {
        super("Invalid input: " + fields.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an InvalidCaseException needs at least one field error");
        }
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }

    @Override
    public String code() {
        return "INVALID_CASE";
    }

    /** One invalid field: its name as the caller sent it (e.g. {@code caller.phone}) and why. */
    public record FieldError(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }
}
