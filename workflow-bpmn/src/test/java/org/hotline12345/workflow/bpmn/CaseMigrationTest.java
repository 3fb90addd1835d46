package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.bpmn.CaseMigration.UnsafeMigrationException;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst adds a second review between the reply and the callback. Running cases stay on their version until a
 * supervisor migrates them; then they take the new step. A version that drops a step where cases wait is refused.
 */
class CaseMigrationTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static ProcessEngine camunda() {
        return CITY.engine().processEngine();
    }

    private static int versionOf(CaseId id) {
        String definitionId = camunda().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(id.value()).processDefinitionKey(StandardTask.CASE_PROCESS).singleResult()
                .getProcessDefinitionId();
        return camunda().getRepositoryService().getProcessDefinition(definitionId).getVersion();
    }

    private static CaseId caseAt(CaseStatus status) {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        if (status == CaseStatus.DISPATCHED) {
            return id;
        }
        workflow().signFor(leadUnit(), id);
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done."));
        if (status == CaseStatus.REPLIED) {
            return id;
        }
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        return id;
    }

    private static void deploy(BpmnModelInstance model) {
        camunda().getRepositoryService().createDeployment().name("analyst-edit").addModelInstance("hotline-case.bpmn", model).deploy();
    }

    private static TaskView secondReviewOf(CaseId id) {
        return workflow().openTasks(supervisor()).stream().filter(task -> task.caseId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void runningCasesMoveToANewReviewStepOnlyWhenMigrated() {
        CaseId dispatched = caseAt(CaseStatus.DISPATCHED);
        CaseId replied = caseAt(CaseStatus.REPLIED);
        CaseId atCallback = caseAt(CaseStatus.CALLBACK);
        deploy(DiagramEdits.insertUserTask(DiagramEdits.shipped("hotline-case.bpmn"), "Flow_Approved",
                "UserTask_SecondReview", "Second review by a supervisor"));

        CaseId newCase = workflow().intake(operator(), complaint()).caseView().id();
        assertThat(versionOf(newCase)).as("new cases start on the new version").isEqualTo(2);
        assertThat(versionOf(replied)).as("running cases stay on theirs").isEqualTo(1);

        var preview = CITY.engine().caseMigration().preview(StandardTask.CASE_PROCESS);
        assertThat(preview.safe()).isTrue();
        assertThat(preview.targetVersion()).isEqualTo(2);
        assertThat(preview.runningOnOlderVersions()).isEqualTo(3);
        assertThatThrownBy(() -> CITY.engine().caseMigration().migrateToLatest(dispatcher(), StandardTask.CASE_PROCESS))
                .isInstanceOf(NotAuthorizedException.class);

        var result = CITY.engine().caseMigration().migrateToLatest(supervisor(), StandardTask.CASE_PROCESS);

        assertThat(result.migratedInstances()).isEqualTo(3);
        for (CaseId id : new CaseId[] {dispatched, replied, atCallback}) {
            assertThat(versionOf(id)).isEqualTo(2);
            assertThat(workflow().timeline(operator(), id)).last().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(CaseEventType.CASE_MIGRATED);
                assertThat(entry.actor()).isEqualTo("supervisor");
                assertThat(entry.detail()).contains("version 1 to version 2");
            });
        }
        // The replied case now passes the new step after its review; the one at callback carries on.
        workflow().review(dispatcher(), replied, new ReviewDecision(true, null));
        assertThat(secondReviewOf(replied).taskKey()).isEqualTo("UserTask_SecondReview");
        assertThat(workflow().completeTask(supervisor(), secondReviewOf(replied).id(), Map.of()).status()).isEqualTo(CaseStatus.CALLBACK);
        assertThat(workflow().callback(operator(), atCallback, new CallbackResult(Satisfaction.SATISFIED, true, null)).status())
                .isEqualTo(CaseStatus.CLOSED);
        workflow().signFor(leadUnit(), dispatched);
        assertThat(workflow().caseView(operator(), dispatched).status()).isEqualTo(CaseStatus.IN_PROGRESS);

        // A later version without the second review cannot take a case that waits there.
        CaseId waiting = caseAt(CaseStatus.REPLIED);
        workflow().review(dispatcher(), waiting, new ReviewDecision(true, null));
        deploy(DiagramEdits.shipped("hotline-case.bpmn"));
        assertThat(CITY.engine().caseMigration().preview(StandardTask.CASE_PROCESS).safe()).isFalse();

        assertThatThrownBy(() -> CITY.engine().caseMigration().migrateToLatest(supervisor(), StandardTask.CASE_PROCESS))
                .isInstanceOfSatisfying(UnsafeMigrationException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .contains(workflow().caseView(operator(), waiting).number().value())
                        .contains("UserTask_SecondReview").contains("version 3 does not have"));
        assertThat(versionOf(waiting)).as("nothing moved").isEqualTo(2);
        assertThat(versionOf(newCase)).isEqualTo(2);
        assertThat(workflow().timeline(operator(), newCase)).extracting(TimelineEntry::type).doesNotContain(CaseEventType.CASE_MIGRATED);
    }
}
