package org.hotline12345.workflow.intake;

import org.hotline12345.workflow.cases.CaseView;

/** The result of an intake: the case, and whether this call created it or found it by its external id. */
public record IntakeReceipt(CaseView caseView, boolean created) {
}
