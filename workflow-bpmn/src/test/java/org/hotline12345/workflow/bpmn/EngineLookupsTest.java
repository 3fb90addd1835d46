package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.handling.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The look-ups the library spares the engine. A job whose definition the engine has read once takes that definition's
 * fixed facts from memory when it runs or ends, and its job log still names the definition; what can change in a
 * definition, its suspension, still takes effect. A deleted message subscription is not searched for the jobs only
 * signals and compensations have; a signal's are still deleted with its subscription. A job whose execution has no
 * incident is not searched for one when it ends; a failed job's incident is still resolved when the job succeeds.
 */
class EngineLookupsTest {

    private static final String YELLOW_CARD = "BoundaryEvent_SignForYellowCard";
    private static final String RED_CARD = "BoundaryEvent_SignForRedCard";
    private static final List<String> PREPARED = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final CityEngine CITY = CityEngine.recordingStatements(PREPARED);

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static ProcessEngine camunda() {
        return CITY.engine().processEngine();
    }

    @Test
    void aCardWhoseDefinitionIsKnownFiresWithoutReadingItAndItsJobLogNamesTheDefinition() {
        CaseId first = TestCity.dispatchedToLixia(workflow());
        CaseId second = TestCity.dispatchedToLixia(workflow());
        ManagementService management = camunda().getManagementService();
        TestCity.at("2026-11-28T10:00:00+08:00");
        management.executeJob(job(first, YELLOW_CARD).getId());
        Job card = job(second, YELLOW_CARD);
        PREPARED.clear();

        management.executeJob(card.getId());

        assertThat(PREPARED).as("the statements of the second yellow card's job").isNotEmpty()
                .noneMatch(sql -> sql.toUpperCase().contains("ACT_RU_JOBDEF"))
                .noneMatch(sql -> sql.toUpperCase().contains("ACT_RU_INCIDENT"));
        assertThat(workflow().caseView(operator(), second).warning()).isEqualTo(WarningLevel.YELLOW);
        assertNamesItsDefinition(camunda().getHistoryService().createHistoricJobLogQuery().jobId(card.getId()).successLog()
                .singleResult(), card, YELLOW_CARD);
    }

    @Test
    void aTimerEndedByItsStepIsLoggedAsDeletedWithItsDefinitionAndNotSearchedForIncidents() {
        TestCity.dispatchedToLixia(workflow());
        CaseId id = TestCity.dispatchedToLixia(workflow());
        Job card = job(id, RED_CARD);
        PREPARED.clear();

        workflow().signFor(leadUnit(), id);

        assertThat(PREPARED).as("the sign-for's statements, which end its clock's two timers").isNotEmpty()
                .noneMatch(sql -> sql.toUpperCase().contains("ACT_RU_INCIDENT"));

        assertNamesItsDefinition(camunda().getHistoryService().createHistoricJobLogQuery().jobId(card.getId()).deletionLog()
                .singleResult(), card, RED_CARD);
    }

    /** The job log entry names the job's definition as the engine stores it, and the job's activity. */
    private static void assertNamesItsDefinition(HistoricJobLog entry, Job job, String activityId) {
        JobDefinition definition = camunda().getManagementService().createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId()).singleResult();
        assertThat(entry.getJobDefinitionId()).isEqualTo(definition.getId());
        assertThat(entry.getJobDefinitionType()).isEqualTo(definition.getJobType());
        assertThat(entry.getJobDefinitionConfiguration()).isEqualTo(definition.getJobConfiguration());
        assertThat(entry.getActivityId()).isEqualTo(activityId);
    }

    @Test
    void aSuspendedDefinitionStillSuspendsTheJobsCreatedAfterIt() {
        CaseId before = TestCity.dispatchedToLixia(workflow());
        String definitionId = job(before, RED_CARD).getJobDefinitionId();
        ManagementService management = camunda().getManagementService();
        management.suspendJobDefinitionById(definitionId);
        try {
            CaseId after = TestCity.dispatchedToLixia(workflow());

            assertThat(job(after, RED_CARD).isSuspended()).as("a red card's timer created after the suspension").isTrue();
            assertThat(job(before, RED_CARD).isSuspended()).as("one created before it").isFalse();
            assertThat(job(after, YELLOW_CARD).isSuspended()).as("another definition's timer").isFalse();
        } finally {
            management.activateJobDefinitionById(definitionId);
        }
        assertThat(job(TestCity.dispatchedToLixia(workflow()), RED_CARD).isSuspended()).as("after it is active again").isFalse();
    }

    @Test
    void aReplyDeletesTheHandlingTasksMessageSubscriptionsWithoutLookingForTheirJobs() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        workflow().signFor(leadUnit(), id);
        String unitPart = unitPart(id);
        assertThat(camunda().getRuntimeService().createEventSubscriptionQuery().processInstanceId(unitPart).eventType("message")
                .count()).as("the handling task's extension, transfer and suspension requests").isEqualTo(3);
        PREPARED.clear();

        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Repaired."));

        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(camunda().getRuntimeService().createEventSubscriptionQuery().processInstanceId(unitPart).count()).isZero();
        assertThat(PREPARED).as("the reply's statements").isNotEmpty()
                .noneMatch(sql -> sql.toUpperCase().contains("HANDLER_CFG_"));
    }

    @Test
    void aSignalSubscriptionIsDeletedWithTheJobThatWouldDeliverItsSignal() {
        // A signal thrown asynchronously waits in a job to start a process; a new version of that process replaces the
        // old version's start subscription before the job runs, and the job goes with it.
        ManagementService management = camunda().getManagementService();
        BpmnModelInstance pinging = Bpmn.createExecutableProcess("lookups-pinging").startEvent()
                .intermediateThrowEvent("ping").signal("lookups-ping").endEvent().done();
        pinging.getModelElementsByType(SignalEventDefinition.class).forEach(signal -> signal.setCamundaAsync(true));
        camunda().getRepositoryService().createDeployment().name("lookups").addModelInstance("lookups-pinging.bpmn", pinging)
                .addModelInstance("lookups-started.bpmn", startedBy("lookups-ping")).deploy();
        long others = management.createJobQuery().messages().count();
        camunda().getRuntimeService().startProcessInstanceByKey("lookups-pinging");
        assertThat(management.createJobQuery().messages().count()).as("the job that starts the process later").isEqualTo(others + 1);

        camunda().getRepositoryService().createDeployment().name("lookups again")
                .addModelInstance("lookups-started.bpmn", startedBy("lookups-pinged-otherwise")).deploy();

        assertThat(camunda().getRuntimeService().createEventSubscriptionQuery().eventName("lookups-ping").count()).isZero();
        assertThat(management.createJobQuery().messages().count()).as("the signal's job, gone with its subscription")
                .isEqualTo(others);
    }

    @Test
    void aFailedJobsIncidentIsResolvedWhenTheJobSucceedsAfterItsRetriesWereRestored() {
        // The task fails until the instance says it may succeed; restoring retries by job definition leaves the
        // incident open until the job runs.
        BpmnModelInstance failing = Bpmn.createExecutableProcess("lookups-failing").startEvent().serviceTask("work")
                .camundaAsyncBefore().camundaExpression("${ok or execution.getVariable('missing').length() > 0}")
                .userTask("done").done();
        camunda().getRepositoryService().createDeployment().name("lookups failing").addModelInstance("lookups-failing.bpmn", failing)
                .deploy();
        String instance = camunda().getRuntimeService().startProcessInstanceByKey("lookups-failing", Map.of("ok", false)).getId();
        ManagementService management = camunda().getManagementService();
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        }
        assertThat(camunda().getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isOne();
        camunda().getRuntimeService().setVariable(instance, "ok", true);
        management.setJobRetriesByJobDefinitionId(job.getJobDefinitionId(), 1);
        assertThat(camunda().getRuntimeService().createIncidentQuery().processInstanceId(instance).count())
                .as("open while the job has not run").isOne();

        management.executeJob(job.getId());

        assertThat(camunda().getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo("done");
        assertThat(camunda().getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(camunda().getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).resolved().count())
                .isOne();
    }

    private static BpmnModelInstance startedBy(String signal) {
        return Bpmn.createExecutableProcess("lookups-started").startEvent().signal(signal).userTask("started").done();
    }

    private static String unitPart(CaseId id) {
        return camunda().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value())
                .processDefinitionKey("unit-handling").singleResult().getId();
    }

    /** The case's timer at that boundary event, in the unit's part of the case. */
    private static Job job(CaseId id, String activityId) {
        return camunda().getManagementService().createJobQuery().processInstanceId(unitPart(id)).activityId(activityId)
                .singleResult();
    }
}
