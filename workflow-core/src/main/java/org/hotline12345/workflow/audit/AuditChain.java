package org.hotline12345.workflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log, written down once here and in docs/audit.md.
 *
 * <p>Each row's hash is SHA-256 (hex, lower case) over its canonical form: the line {@code hw-audit/1}, then one line
 * per field in this order: caseId, sequence, eventType, occurredAt, actor, actorUnit, taskKey, detail, deadline,
 * processKey, processVersion, previousHash. A field is written as {@code <name>=<length>:<value>} with the value's
 * length in UTF-16 code units (so a value may contain line breaks), or {@code <name>=~} when it is absent. Instants
 * are ISO-8601 in UTC at millisecond precision. The first row of a case follows {@link #GENESIS}.
 */
public final class AuditChain {

    /** What the first row of every case follows. */
    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "hw-audit/1";

    private AuditChain() {
    }

    /** Instants as the chain hashes them (and the database keeps them): milliseconds. */
    public static Instant normalise(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String canonicalForm(AuditRecord r) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        field(text, "caseId", r.caseId());
        field(text, "sequence", Long.toString(r.sequence()));
        field(text, "eventType", r.eventType());
        field(text, "occurredAt", instant(r.occurredAt()));
        field(text, "actor", r.actor());
        field(text, "actorUnit", r.actorUnit());
        field(text, "taskKey", r.taskKey());
        field(text, "detail", r.detail());
        field(text, "deadline", instant(r.deadline()));
        field(text, "processKey", r.processKey());
        field(text, "processVersion", r.processVersion() == null ? null : r.processVersion().toString());
        field(text, "previousHash", r.previousHash());
        return text.toString();
    }

    public static String hashOf(AuditRecord record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm(record).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Checks one case's rows, read in sequence order, against each other and against the head the case row keeps
     * ({@code headSequence}, {@code headHash}; null when the case keeps none). Finds the first row that was altered
     * (its content no longer gives its hash), removed or reordered (a gap in the sequence, or a row that does not
     * follow the one before it), and rows removed from the end (the head does not match the last row).
     */
    public static AuditVerification verify(String caseId, List<AuditRecord> rows, Long headSequence, String headHash) {
        String previous = GENESIS;
        long expected = 1;
        for (AuditRecord row : rows) {
            if (row.sequence() != expected) {
                return AuditVerification.broken(caseId, expected, row.sequence() > expected
                        ? "row " + expected + (row.sequence() - expected > 1 ? " to " + (row.sequence() - 1) : "") + " missing"
                        : "row " + row.sequence() + " appears twice or out of order", expected - 1);
            }
            if (!previous.equals(row.previousHash())) {
                return AuditVerification.broken(caseId, row.sequence(), "row " + row.sequence() + " does not follow row "
                        + (row.sequence() - 1) + ": rows were reordered, inserted or removed before it", expected - 1);
            }
            if (!hashOf(row).equals(row.hash())) {
                return AuditVerification.broken(caseId, row.sequence(), "row " + row.sequence()
                        + " was altered: its content no longer matches its hash", expected - 1);
            }
            previous = row.hash();
            expected++;
        }
        long last = expected - 1;
        if (headSequence != null && (headSequence != last || !previous.equals(headHash))) {
            return AuditVerification.broken(caseId, Math.min(last + 1, headSequence), headSequence > last
                    ? "rows " + (last + 1) + " to " + headSequence + " missing from the end of the chain"
                    : "the chain's head does not match the case's record of it", last);
        }
        return AuditVerification.intact(caseId, last);
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append('~');
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('\n');
    }

    private static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(normalise(instant));
    }
}
