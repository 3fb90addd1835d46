package org.hotline12345.workflow.accountability;

import java.time.OffsetDateTime;
import java.util.List;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;

/**
 * A drawn spot check: its request, who drew it and when, and the sampled cases, each with the task of its second,
 * independent callback ({@code UserTask_SpotCheckCallback} for the supervisors).
 */
public record SpotCheckDraw(String id, Period period, double share, long seed, OffsetDateTime drawnAt, String drawnBy,
        List<Sample> samples) {

    public SpotCheckDraw {
        samples = List.copyOf(samples);
    }

    /** One sampled case, the unit whose reply it checks, and the open callback task. */
    public record Sample(CaseId caseId, UnitId unit, String taskId) {
    }
}
