package org.hotline12345.workflow.events;

import org.hotline12345.workflow.cases.CaseId;

/** A delivery whose retries are spent: which event, to which listener, and the last error. */
public record FailedDelivery(String id, String listener, CaseId caseId, long sequence, int attempts, String error) {
}
