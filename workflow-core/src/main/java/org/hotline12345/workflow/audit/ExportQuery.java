package org.hotline12345.workflow.audit;

import java.time.Instant;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;

/**
 * What to export: one case, or the events of a period (from inclusive, to exclusive) of the cases a unit leads or of
 * all cases. Null fields do not filter.
 */
public record ExportQuery(CaseId caseId, Instant from, Instant to, UnitId unit) {

    public static ExportQuery ofCase(CaseId caseId) {
        return new ExportQuery(caseId, null, null, null);
    }

    public static ExportQuery ofPeriod(Instant from, Instant to, UnitId unit) {
        return new ExportQuery(null, from, to, unit);
    }

    @Override
    public String toString() {
        return caseId != null ? "case " + caseId : "events from " + from + " to " + to + (unit == null ? "" : " of unit " + unit);
    }
}
