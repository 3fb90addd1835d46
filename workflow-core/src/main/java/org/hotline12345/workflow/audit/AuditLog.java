package org.hotline12345.workflow.audit;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseId;

/**
 * The tamper-evident audit log: what auditors and supervisors read and check. Every method needs the AUDITOR or
 * SUPERVISOR role ({@link NotAuthorizedException} otherwise).
 */
public interface AuditLog {

    /** The case's rows in order. @throws CaseNotFoundException for an unknown case */
    List<AuditRecord> records(Actor actor, CaseId caseId);

    /**
     * The path each process instance of the case (the case, the units' parts, escalations) took through the diagram
     * version it ran on. @throws CaseNotFoundException for an unknown case
     */
    List<CasePath> paths(Actor actor, CaseId caseId);

    /** Checks one case's chain. @throws CaseNotFoundException for an unknown case */
    AuditVerification verify(Actor actor, CaseId caseId);

    /** Checks every case's chain; the first broken one is reported. */
    AuditVerification verifyAll(Actor actor);

    /** The digest of the whole log as it stood at {@code asOf}, to publish or sign outside the database. */
    HeadDigest headDigest(Actor actor, Instant asOf);

    /**
     * The digest of the whole log as it stands now by the workflow's clock, the one its records are stamped with (a
     * host's own {@code Instant.now()} may lag a clock that was moved, and leave the latest records out).
     */
    HeadDigest headDigest(Actor actor);

    /** The head digests the library kept each night (audit-digest.bpmn), oldest first, to publish or sign. */
    List<HeadDigest> digests(Actor actor);

    /** Whether the log still gives the digest that was published for {@code published.asOf()}. */
    boolean matches(Actor actor, HeadDigest published);

    /**
     * Writes the audit rows that {@code query} selects, with their case's number, classification, unit and caller, as
     * they are read (never the whole result in memory). Caller name, phone and address are masked unless the actor holds
     * the PERSONAL_DATA right. The export itself is recorded first: in the case's chain for a case, in the export log
     * for a period. Returns the number of rows written.
     */
    long export(Actor actor, ExportQuery query, ExportFormat format, OutputStream out);
}
