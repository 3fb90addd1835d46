package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.audit.AuditChain;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.audit.AuditVerification;
import org.hotline12345.workflow.audit.HeadDigest;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit chain: recorded with every step, checked row by row, tampered with through plain SQL and caught. */
class AuditTrailTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static AuditLog audit() {
        return CITY.engine().auditLog();
    }

    /** A case with six audit rows: registered, dispatched, signed for, replied, approved. */
    private static CaseId aCase() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        return id;
    }

    private static void sql(String statement, Object... parameters) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) CITY.engine().processEngine().getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyStepIsChainedWithActorUnitDeadlineAndDiagramVersion() {
        CaseId id = aCase();

        List<AuditRecord> rows = audit().records(auditor(), id);

        assertThat(rows).extracting(AuditRecord::eventType).containsExactly("CASE_REGISTERED", "CASE_DISPATCHED", "CASE_SIGNED_FOR",
                "CASE_REPLIED", "REPLY_APPROVED");
        assertThat(rows.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).previousHash()).isEqualTo(rows.get(i - 1).hash());
        }
        AuditRecord signed = rows.get(2);
        assertThat(signed.actor()).isEqualTo("lixia");
        assertThat(signed.actorUnit()).isEqualTo("lixia");
        assertThat(signed.deadline()).isEqualTo(Instant.parse("2026-12-03T15:59:59Z"));
        assertThat(signed.processKey()).isEqualTo("unit-handling");
        assertThat(signed.processVersion()).isEqualTo(1);
        assertThat(rows.get(0).processKey()).isEqualTo("hotline-case");
        assertThat(audit().verify(auditor(), id).ok()).isTrue();
        assertThatThrownBy(() -> audit().verify(leadUnit(), id)).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void anAlteredReasonIsFoundAndLocated() {
        CaseId id = aCase();
        sql("UPDATE hw_case_event SET detail = ? WHERE case_id = ? AND seq = ?", "Done on time, honestly.", id.value(), 4);

        AuditVerification result = audit().verify(auditor(), id);

        assertThat(result.ok()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(4);
        assertThat(result.problem()).contains("altered");
        assertThat(audit().verifyAll(auditor())).satisfies(all -> {
            assertThat(all.ok()).isFalse();
            assertThat(all.caseId()).isNotNull();
        });
        sql("DELETE FROM hw_case_event WHERE case_id = ?", id.value());
        sql("DELETE FROM hw_case WHERE id = ?", id.value());
    }

    @Test
    void aDeletedRowIsFoundAndLocated() {
        CaseId id = aCase();
        sql("DELETE FROM hw_case_event WHERE case_id = ? AND seq = ?", id.value(), 2);

        AuditVerification result = audit().verify(auditor(), id);

        assertThat(result.brokenAt()).isEqualTo(2);
        assertThat(result.problem()).contains("row 2 missing");
        sql("DELETE FROM hw_case_event WHERE case_id = ?", id.value());
        sql("DELETE FROM hw_case WHERE id = ?", id.value());
    }

    @Test
    void swappedRowsAreFoundAndLocated() {
        CaseId id = aCase();
        List<AuditRecord> rows = audit().records(auditor(), id);
        AuditRecord second = rows.get(1);
        AuditRecord third = rows.get(2);
        String copy = "UPDATE hw_case_event SET event_type = ?, actor = ?, actor_unit = ?, task_key = ?, detail = ?, prev_hash = ?, "
                + "row_hash = ? WHERE case_id = ? AND seq = ?";
        sql(copy, third.eventType(), third.actor(), third.actorUnit(), third.taskKey(), third.detail(), third.previousHash(),
                third.hash(), id.value(), 2);
        sql(copy, second.eventType(), second.actor(), second.actorUnit(), second.taskKey(), second.detail(), second.previousHash(),
                second.hash(), id.value(), 3);

        AuditVerification result = audit().verify(auditor(), id);

        assertThat(result.brokenAt()).isEqualTo(2);
        assertThat(result.problem()).contains("does not follow");
        sql("DELETE FROM hw_case_event WHERE case_id = ?", id.value());
        sql("DELETE FROM hw_case WHERE id = ?", id.value());
    }

    @Test
    void rowsCutFromTheEndAreFoundThroughTheCasesHead() {
        CaseId id = aCase();
        sql("DELETE FROM hw_case_event WHERE case_id = ? AND seq >= ?", id.value(), 4);

        AuditVerification result = audit().verify(auditor(), id);

        assertThat(result.brokenAt()).isEqualTo(4);
        assertThat(result.problem()).contains("missing from the end");
        sql("DELETE FROM hw_case_event WHERE case_id = ?", id.value());
        sql("DELETE FROM hw_case WHERE id = ?", id.value());
    }

    @Test
    void aChainRewrittenWholeIsCaughtByThePublishedDigest() {
        CaseId id = aCase();
        Instant published = Instant.parse("2026-11-26T03:00:00Z");
        HeadDigest digest = audit().headDigest(auditor(), published);
        assertThat(digest.cases()).isGreaterThanOrEqualTo(1);
        assertThat(audit().matches(auditor(), digest)).isTrue();

        // Someone with database access rewrites the last row and its hash, and the case's head, consistently.
        AuditRecord last = audit().records(auditor(), id).get(4);
        AuditRecord forged = new AuditRecord(last.caseId(), last.sequence(), last.eventType(), last.occurredAt(), "somebody-else",
                last.actorUnit(), last.taskKey(), last.detail(), last.deadline(), last.processKey(), last.processVersion(), null, null)
                .sealed(last.previousHash());
        sql("UPDATE hw_case_event SET actor = ?, row_hash = ? WHERE case_id = ? AND seq = ?", forged.actor(), forged.hash(), id.value(), 5);
        sql("UPDATE hw_case SET audit_head_hash = ? WHERE id = ?", forged.hash(), id.value());

        assertThat(audit().verify(auditor(), id).ok()).as("the chain alone cannot tell").isTrue();
        assertThat(audit().matches(auditor(), digest)).as("the anchored digest can").isFalse();
        sql("DELETE FROM hw_case_event WHERE case_id = ?", id.value());
        sql("DELETE FROM hw_case WHERE id = ?", id.value());
    }

    /** The test city's clock stands behind the system clock, as a demo's or a replay's may: "now" is the workflow's. */
    @Test
    void theDigestOfNowIsTakenByTheWorkflowsClock() {
        aCase();
        Instant now = new EngineClock(java.time.ZoneOffset.UTC).instant();

        HeadDigest current = audit().headDigest(auditor());

        assertThat(current.asOf()).isEqualTo(AuditChain.normalise(now));
        assertThat(current).isEqualTo(audit().headDigest(auditor(), now));
        assertThat(current.records()).as("the case's rows, stamped by that clock").isGreaterThanOrEqualTo(5);
        assertThatThrownBy(() -> audit().headDigest(operator())).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aHeadDigestIsKeptEveryNight() {
        aCase();
        EngineClock.freezeAt(java.time.OffsetDateTime.parse("2026-11-27T00:31:00+08:00").toInstant());
        Timers.fireDue(CITY.engine());

        List<HeadDigest> kept = audit().digests(auditor());
        assertThat(kept).extracting(HeadDigest::asOf).contains(Instant.parse("2026-11-26T16:00:00Z"));
        HeadDigest midnight = kept.stream().filter(d -> d.asOf().equals(Instant.parse("2026-11-26T16:00:00Z"))).findFirst().orElseThrow();
        assertThat(midnight.records()).isGreaterThanOrEqualTo(5);
        assertThat(audit().matches(auditor(), midnight)).isTrue();
    }

    @Test
    void anExportIsMaskedStreamedAndItselfRecorded() {
        CaseId id = aCase();
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();

        long rows = audit().export(auditor(), org.hotline12345.workflow.audit.ExportQuery.ofCase(id),
                org.hotline12345.workflow.audit.ExportFormat.CSV, csv);

        String text = csv.toString(java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("caseNumber,caseId,category,urgency,channel,leadUnit,callerName,callerPhone,address,sequence,event");
        assertThat(rows).as("the export is recorded before its rows are read").isEqualTo(6);
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).contains("张*").contains("138****5678").contains("历下区***").doesNotContain("13812345678")
                .contains("CaseRegistered");
        assertThat(lines[6]).contains("CaseExported");
        List<AuditRecord> chain = audit().records(auditor(), id);
        assertThat(chain.get(chain.size() - 1).detail()).contains("exported as CSV by auditor, personal data masked");
        assertThat(audit().verify(auditor(), id).ok()).isTrue();

        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        long periodRows = audit().export(TestCity.supervisor(), org.hotline12345.workflow.audit.ExportQuery.ofPeriod(
                Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z"), LIXIA),
                org.hotline12345.workflow.audit.ExportFormat.JSON, json);
        String exported = json.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).startsWith("[").endsWith("]\n").contains("\"callerPhone\":\"13812345678\"");
        assertThat(exported.split("\n\\{", -1)).hasSize((int) periodRows + 1);
        assertThatThrownBy(() -> audit().export(leadUnit(), org.hotline12345.workflow.audit.ExportQuery.ofCase(id),
                org.hotline12345.workflow.audit.ExportFormat.CSV, new java.io.ByteArrayOutputStream()))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void stepsTakenAroundTheApiAreRecordedEvenWhenListenersAreSkipped() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        var engine = CITY.engine().processEngine();
        String unitInstance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("unit-handling")
                .processInstanceBusinessKey(id.value()).singleResult().getId();

        // What Cockpit offers: restart the sign-for step, skipping custom listeners.
        engine.getIdentityService().setAuthenticatedUserId("cockpit-admin");
        try {
            engine.getRuntimeService().createProcessInstanceModification(unitInstance)
                    .cancelAllForActivity("UserTask_SignFor").startBeforeActivity("UserTask_SignFor").execute(true, true);
            // What Tasklist offers: complete the task directly.
            String task = engine.getTaskService().createTaskQuery().processInstanceId(unitInstance).singleResult().getId();
            engine.getTaskService().complete(task, java.util.Map.of("unitAction", "SIGN_FOR"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        List<AuditRecord> outside = audit().records(auditor(), id).stream()
                .filter(row -> row.eventType().equals(CaseEventType.ENGINE_ACTION_RECORDED.name())).toList();
        assertThat(outside).extracting(AuditRecord::detail).anySatisfy(detail -> assertThat(detail).contains("cancelled")
                .contains("UserTask_SignFor").contains("cockpit-admin"))
                .anySatisfy(detail -> assertThat(detail).contains("entered"))
                .anySatisfy(detail -> assertThat(detail).contains("completed"));
        assertThat(outside).allSatisfy(row -> assertThat(row.actor()).isEqualTo("cockpit-admin"));
        assertThat(audit().verify(auditor(), id).ok()).isTrue();
    }

    @Test
    void apiCallsAreInTheAuditLogAndNotInTheEnginesOperationLog() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        var engine = CITY.engine().processEngine();
        List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value()).list()
                .stream().map(ProcessInstance::getId).toList();
        assertThat(instances).hasSize(2);

        // What Cockpit offers: a variable set by hand, outside the API.
        engine.getIdentityService().setAuthenticatedUserId("cockpit-admin");
        try {
            engine.getRuntimeService().setVariable(instances.get(0), "checkedBy", "cockpit-admin");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        List<String> operators = instances.stream()
                .flatMap(instance -> engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instance).list().stream())
                .map(UserOperationLogEntry::getUserId).toList();
        assertThat(operators).isNotEmpty().containsOnly("cockpit-admin");
        assertThat(audit().records(auditor(), id)).extracting(AuditRecord::actor)
                .containsExactly(operator().userId(), dispatcher().userId(), leadUnit().userId());
    }
}
