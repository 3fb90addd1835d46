package org.hotline12345.workflow.tasks;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.UnitId;

/**
 * An open task as a worklist shows it. {@code step} names the standard step the API has a dedicated
 * operation for; it is null for steps an analyst added, which are completed through the generic task API.
 * {@code routingSuggestion} is the unit the routing table suggests, on the dispatch step only: what the dispatcher
 * decides on. {@code unit} is the unit whose task it is: the case's lead unit, or the assisting unit for an assisting
 * unit's step.
 */
public record TaskView(
        String id,
        String taskKey,
        String name,
        Step step,
        CaseId caseId,
        CaseNumber caseNumber,
        UnitId unit,
        UnitId routingSuggestion,
        OffsetDateTime createdAt,
        OffsetDateTime due) {
}
