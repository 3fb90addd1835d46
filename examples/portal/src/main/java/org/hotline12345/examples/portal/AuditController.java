package org.hotline12345.examples.portal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.audit.AuditVerification;
import org.hotline12345.workflow.audit.HeadDigest;
import org.hotline12345.workflow.cases.CaseId;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors and supervisors: a case's rows, their verification, and the head digest to publish. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/cases/{id}/audit")
    List<AuditRecord> records(Authentication user, @PathVariable String id) {
        return audit.records(Actors.of(user), CaseId.of(id));
    }

    @GetMapping("/api/cases/{id}/audit/verify")
    Map<String, Object> verify(Authentication user, @PathVariable String id) {
        return json(audit.verify(Actors.of(user), CaseId.of(id)));
    }

    @GetMapping("/api/audit/verify")
    Map<String, Object> verifyAll(Authentication user) {
        return json(audit.verifyAll(Actors.of(user)));
    }

    /** The digest of the whole log as of {@code asOf} (default: now), to publish or sign outside the database. */
    @GetMapping("/api/audit/head-digest")
    HeadDigest headDigest(Authentication user, @RequestParam(required = false) Instant asOf) {
        return audit.headDigest(Actors.of(user), asOf == null ? Instant.now() : asOf);
    }

    private static Map<String, Object> json(AuditVerification result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", result.ok());
        if (!result.ok()) {
            body.put("caseId", result.caseId());
            body.put("brokenAt", result.brokenAt());
            body.put("problem", result.problem());
        }
        body.put("recordsChecked", result.recordsChecked());
        return body;
    }
}
