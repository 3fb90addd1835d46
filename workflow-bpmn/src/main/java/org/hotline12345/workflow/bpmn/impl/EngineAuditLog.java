package org.hotline12345.workflow.bpmn.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.audit.AuditChain;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.audit.AuditVerification;
import org.hotline12345.workflow.audit.CasePath;
import org.hotline12345.workflow.audit.ExportFormat;
import org.hotline12345.workflow.audit.ExportQuery;
import org.hotline12345.workflow.access.AccessPolicy;
import org.hotline12345.workflow.timeline.CaseEventType;
import java.io.OutputStream;
import org.hotline12345.workflow.audit.HeadDigest;
import org.hotline12345.workflow.cases.CaseId;

/** {@link AuditLog} over {@code hw_case_event}, read on the engine's connection. */
final class EngineAuditLog implements AuditLog {

    private volatile ProcessEngine engine;
    private final CaseStore store;
    private final CaseEventLog events;
    private final AccessPolicy access;
    private final java.time.Clock clock;

    EngineAuditLog(CaseStore store, CaseEventLog events, AccessPolicy access, java.time.Clock clock) {
        this.store = store;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    void bind(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<AuditRecord> records(Actor actor, CaseId caseId) {
        requireAuditor(actor);
        return read(() -> {
            store.auditHead(caseId);
            return store.auditRecords(caseId);
        });
    }

    @Override
    public List<CasePath> paths(Actor actor, CaseId caseId) {
        requireAuditor(actor);
        return read(() -> {
            store.auditHead(caseId);
            var history = engine.getHistoryService();
            List<CasePath> paths = new java.util.ArrayList<>();
            for (var instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId.value())
                    .orderByProcessInstanceStartTime().asc().list()) {
                List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                        .orderPartiallyByOccurrence().asc().list().stream()
                        .filter(activity -> activity.getEndTime() != null && !activity.isCanceled())
                        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).distinct().toList();
                List<String> current = instance.getEndTime() == null
                        ? engine.getRuntimeService().getActiveActivityIds(instance.getId()) : List.of();
                String xml;
                try (java.io.InputStream model = engine.getRepositoryService().getProcessModel(instance.getProcessDefinitionId())) {
                    xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                paths.add(new CasePath(instance.getId(), instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
                        xml, passed, current));
            }
            return paths;
        });
    }

    @Override
    public AuditVerification verify(Actor actor, CaseId caseId) {
        requireAuditor(actor);
        return read(() -> verify(caseId));
    }

    private AuditVerification verify(CaseId caseId) {
        CaseStore.AuditHead head = store.auditHead(caseId);
        return AuditChain.verify(caseId.value(), store.auditRecords(caseId), head.sequence(), head.hash());
    }

    @Override
    public AuditVerification verifyAll(Actor actor) {
        requireAuditor(actor);
        return read(() -> {
            long checked = 0;
            for (CaseId caseId : store.caseIds()) {
                AuditVerification result = verify(caseId);
                if (!result.ok()) {
                    return result;
                }
                checked += result.recordsChecked();
            }
            return AuditVerification.intact(null, checked);
        });
    }

    @Override
    public HeadDigest headDigest(Actor actor, Instant asOf) {
        requireAuditor(actor);
        Instant at = AuditChain.normalise(asOf);
        return read(() -> {
            List<String> heads = store.headsAsOf(at);
            long records = heads.stream().mapToLong(head -> Long.parseLong(head.split(":")[1])).sum();
            return new HeadDigest(at, heads.size(), records, sha256(String.join("\n", heads)));
        });
    }

    @Override
    public HeadDigest headDigest(Actor actor) {
        return headDigest(actor, clock.instant());
    }

    @Override
    public List<HeadDigest> digests(Actor actor) {
        requireAuditor(actor);
        return read(store::digests);
    }

    /** Computes and keeps the digest as of {@code asOf}, inside the running command (the daily digest job). */
    HeadDigest keepDigest(Instant asOf) {
        Instant at = AuditChain.normalise(asOf);
        List<String> heads = store.headsAsOf(at);
        long records = heads.stream().mapToLong(head -> Long.parseLong(head.split(":")[1])).sum();
        HeadDigest digest = new HeadDigest(at, heads.size(), records, sha256(String.join("\n", heads)));
        store.keepDigest(digest, clock.instant());
        return digest;
    }

    @Override
    public boolean matches(Actor actor, HeadDigest published) {
        return headDigest(actor, published.asOf()).digest().equals(published.digest());
    }

    @Override
    public long export(Actor actor, ExportQuery query, ExportFormat format, OutputStream out) {
        requireAuditor(actor);
        boolean masked = !access.maySeePersonalData(actor);
        // The export is recorded before a row is written: an interrupted download was still an export.
        read(() -> {
            Instant now = clock.instant();
            if (query.caseId() != null) {
                store.lockForJob(query.caseId());
                events.record(query.caseId(), CaseEventType.CASE_EXPORTED, now, actor.userId(), null, null, "audit rows exported as "
                        + format + " by " + actor.userId() + (masked ? ", personal data masked" : ", personal data shown"), null, null);
            } else {
                store.recordExport(actor.userId(), now, query.toString(), format.name(), masked);
            }
            return null;
        });
        java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        ExportWriter rows = format == ExportFormat.CSV ? new ExportWriter.Csv(writer) : new ExportWriter.Json(writer);
        long count = read(() -> {
            try {
                rows.begin(CaseStore.EXPORT_COLUMNS);
                long written = store.export(query.caseId(), query.from(), query.to(), query.unit(),
                        values -> masked ? mask(values) : values, rows::row);
                rows.end();
                return written;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return count;
    }

    /** Caller name, phone and address as someone without the personal-data right sees them. */
    private static String[] mask(String[] values) {
        org.hotline12345.workflow.cases.Caller caller = new org.hotline12345.workflow.cases.Caller(values[6], values[7], false, false);
        values[6] = caller.maskedName();
        values[7] = caller.maskedPhone();
        String address = values[8];
        values[8] = address == null ? null : address.substring(0, Math.min(3, address.length())) + "***";
        return values;
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not read the audit log: it needs AUDITOR or SUPERVISOR");
        }
    }

    private <T> T read(Supplier<T> body) {
        return RefusedCommand.run(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired(),
                body);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
