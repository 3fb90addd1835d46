package org.hotline12345.workflow.intake;

import java.util.List;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.merge.DuplicateProposal;

/**
 * The result of an intake: the case, whether this call created it or found it by its external id, and the open cases
 * that may be the same matter (most alike first) for the dispatcher to merge it into.
 */
public record IntakeReceipt(CaseView caseView, boolean created, List<DuplicateProposal> possibleDuplicates) {

    public IntakeReceipt {
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    public IntakeReceipt(CaseView caseView, boolean created) {
        this(caseView, created, List.of());
    }
}
