package org.hotline12345.examples.portal;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;

/** Ids taken from a request body or parameter, with the field named when one is missing or cannot name anything. */
final class RequestFields {

    /** The longest case id there is: a longer value cannot name a case. */
    private static final int MAX_CASE_ID = 64;

    private RequestFields() {
    }

    /** A unit id; a malformed one cannot name a known unit, and is reported as unknown. */
    static UnitId unit(Validation v, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "is required");
            }
            return null;
        }
        if (!UnitId.isWellFormed(value)) {
            v.reject(field, "unknown unit '" + value + "'");
            return null;
        }
        return UnitId.of(value);
    }

    /** A case id that must be given. */
    static CaseId caseId(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.reject(field, "is required");
            return null;
        }
        if (value.length() > MAX_CASE_ID) {
            v.reject(field, "no case '" + value + "'");
            return null;
        }
        return CaseId.of(value);
    }
}
