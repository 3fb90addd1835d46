package org.hotline12345.workflow.cases;

import java.time.OffsetDateTime;

/** The deadlines currently in force; a field is null until its clock has started. */
public record CaseDeadlines(OffsetDateTime signFor, OffsetDateTime handling, OffsetDateTime callback) {

    public static CaseDeadlines none() {
        return new CaseDeadlines(null, null, null);
    }
}
