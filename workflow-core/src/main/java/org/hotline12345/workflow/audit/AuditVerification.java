package org.hotline12345.workflow.audit;

/**
 * The result of checking a chain: {@code ok}, or the case and the first sequence number where it breaks, with what is
 * wrong there.
 */
public record AuditVerification(boolean ok, String caseId, Long brokenAt, String problem, long recordsChecked) {

    public static AuditVerification intact(String caseId, long recordsChecked) {
        return new AuditVerification(true, caseId, null, null, recordsChecked);
    }

    public static AuditVerification broken(String caseId, long sequence, String problem, long recordsChecked) {
        return new AuditVerification(false, caseId, sequence, problem, recordsChecked);
    }
}
