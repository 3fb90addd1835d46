package org.hotline12345.examples.portal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.audit.ExportFormat;
import org.hotline12345.workflow.audit.ExportQuery;
import org.hotline12345.workflow.cases.UnitId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.audit.CasePath;
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
    private final HotlineWorkflow workflow;

    AuditController(AuditLog audit, HotlineWorkflow workflow) {
        this.audit = audit;
        this.workflow = workflow;
    }

    /** The diagrams of the versions the case ran on, with the elements it passed and where it is now. */
    @GetMapping("/api/cases/{id}/diagrams")
    List<CasePath> diagrams(Authentication user, @PathVariable String id) {
        return audit.paths(Actors.of(user), CaseId.of(id));
    }

    /** One case's audit rows with its data, as JSON or CSV; caller data masked without the personal-data right. */
    @GetMapping("/api/cases/{id}/export")
    ResponseEntity<StreamingResponseBody> exportCase(Authentication user, @PathVariable String id,
            @RequestParam(defaultValue = "json") String format) {
        Actor actor = Actors.of(user);
        requireAuditor(actor);
        workflow.caseView(actor, CaseId.of(id));
        return stream(actor, ExportQuery.ofCase(CaseId.of(id)), format, "case-" + id);
    }

    /** The audit rows of a period ({@code from} inclusive, {@code to} exclusive), optionally of one unit's cases, streamed. */
    @GetMapping("/api/audit/export")
    ResponseEntity<StreamingResponseBody> export(Authentication user, @RequestParam(defaultValue = "json") String format,
            @RequestParam Instant from, @RequestParam Instant to, @RequestParam(required = false) String unit) {
        Actor actor = Actors.of(user);
        requireAuditor(actor);
        Validation v = new Validation();
        if (!to.isAfter(from)) {
            v.reject("to", "must be after from");
        }
        if (unit != null && !UnitId.isWellFormed(unit)) {
            v.reject("unit", "unknown unit '" + unit + "'");
        }
        v.throwIfInvalid();
        return stream(actor, ExportQuery.ofPeriod(from, to, unit == null ? null : UnitId.of(unit)), format, "audit-" + from + "-" + to);
    }

    private ResponseEntity<StreamingResponseBody> stream(Actor actor, ExportQuery query, String format, String name) {
        ExportFormat wanted = new Validation().enumValue("format", ExportFormat.class, format, true);
        if (wanted == null) {
            new Validation().reject("format", "unknown value '" + format + "', expected json or csv").throwIfInvalid();
        }
        String extension = wanted == ExportFormat.CSV ? "csv" : "json";
        return ResponseEntity.ok()
                .contentType(wanted == ExportFormat.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replace(':', '-') + "." + extension + "\"")
                .body(out -> audit.export(actor, query, wanted, out));
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not export the audit log: it needs AUDITOR or SUPERVISOR");
        }
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

    /**
     * The digest of the whole log as of {@code asOf} (default: now by the workflow's clock, which the demo clock moves),
     * to publish or sign outside the database.
     */
    @GetMapping("/api/audit/head-digest")
    HeadDigest headDigest(Authentication user, @RequestParam(required = false) Instant asOf) {
        return asOf == null ? audit.headDigest(Actors.of(user)) : audit.headDigest(Actors.of(user), asOf);
    }

    /** The head digests kept each night, to publish or sign; check one later with head-digest?asOf=. */
    @GetMapping("/api/audit/digests")
    List<HeadDigest> digests(Authentication user) {
        return audit.digests(Actors.of(user));
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
