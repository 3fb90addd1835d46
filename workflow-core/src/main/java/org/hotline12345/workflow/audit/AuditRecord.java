package org.hotline12345.workflow.audit;

import java.time.Instant;

/**
 * One row of the audit log: a domain event of a case with everything an auditor needs, chained to the row before
 * it by {@code previousHash}. {@code hash} is SHA-256 over the canonical form of all the other fields (see
 * {@link AuditChain#canonicalForm}).
 *
 * @param sequence the row's place in its case's chain, from 1
 * @param deadline the deadline in force or set by the event, if any
 * @param processKey the diagram the event happened in, if any
 * @param processVersion that diagram's deployed version
 */
public record AuditRecord(
        String caseId,
        long sequence,
        String eventType,
        Instant occurredAt,
        String actor,
        String actorUnit,
        String taskKey,
        String detail,
        Instant deadline,
        String processKey,
        Integer processVersion,
        String previousHash,
        String hash) {

    /** The same record chained to {@code previousHash}, with its hash computed. */
    public AuditRecord sealed(String previousHash) {
        AuditRecord unsealed = new AuditRecord(caseId, sequence, eventType, occurredAt, actor, actorUnit, taskKey, detail, deadline,
                processKey, processVersion, previousHash, null);
        return new AuditRecord(caseId, sequence, eventType, occurredAt, actor, actorUnit, taskKey, detail, deadline, processKey,
                processVersion, previousHash, AuditChain.hashOf(unsealed));
    }
}
