package org.hotline12345.workflow.accountability;

import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;

/** A fact a supervisor files by hand against a unit for its conduct on a case, with the reason. */
public record ManualFact(CaseId caseId, UnitId unit, String reason) {

    public static final int MAX_REASON = 4000;

    public void validate(Validation validation) {
        validation.require("caseId", caseId).require("unit", unit).requireText("reason", reason, MAX_REASON);
    }
}
