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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.NotAuthorizedException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst adds a step the Java API has never heard of (a supervisor's check between an approved reply and the
 * callback). Cases on the new version reach it through the generic task API and are not stranded.
 */
class AnalystAddedStepTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    @BeforeAll
    static void deployTheEditedDiagram() {
        BpmnModelInstance model = DiagramEdits.insertUserTask(DiagramEdits.shipped("hotline-case.bpmn"), "Flow_Approved",
                "UserTask_SupervisorCheck", "Supervisor checks the reply");
        // Mappings of the analyst's own on the call the library maps: the unit's part also gets the routing suggestion,
        // and the case keeps the unit's sign-for deadline.
        CallActivity unitPart = model.getModelElementById("CallActivity_UnitHandling");
        CamundaIn suggestion = model.newInstance(CamundaIn.class);
        suggestion.setCamundaSource("routingSuggestion");
        suggestion.setCamundaTarget("suggestedUnit");
        unitPart.getExtensionElements().addChildElement(suggestion);
        CamundaOut signForDue = model.newInstance(CamundaOut.class);
        signForDue.setCamundaSource("signForDue");
        signForDue.setCamundaTarget("unitSignForDue");
        unitPart.getExtensionElements().addChildElement(signForDue);
        CITY.engine().processEngine().getRepositoryService().createDeployment().name("analyst-edit")
                .addModelInstance("hotline-case.bpmn", model).deploy();
    }

    @Test
    void mappingsAddedToTheCallOfTheUnitsPartApply() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));

        RuntimeService runtime = CITY.engine().processEngine().getRuntimeService();
        ProcessInstance unitPart = runtime.createProcessInstanceQuery().processDefinitionKey("unit-handling")
                .processInstanceBusinessKey(id.value()).singleResult();
        Object signForDue = runtime.getVariable(unitPart.getId(), "signForDue");
        assertThat(runtime.getVariables(unitPart.getId())).containsEntry("suggestedUnit", "lixia")
                .containsEntry("leadUnit", "lixia").containsEntry("entry", "DISPATCH");

        workflow().signFor(leadUnit(), id);
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Fixed."));

        ProcessInstance theCase = runtime.createProcessInstanceQuery().processDefinitionKey("hotline-case")
                .processInstanceBusinessKey(id.value()).singleResult();
        assertThat(runtime.getVariables(theCase.getId())).containsEntry("unitSignForDue", signForDue)
                .containsEntry("handlingOutcome", "REPLIED").containsEntry("replyText", "Fixed.");
    }

    @Test
    void aStepAddedByAnAnalystIsCompletedThroughTheGenericTaskApi() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Fixed."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));

        TaskView check = workflow().openTasks(supervisor()).stream()
                .filter(task -> task.caseId().equals(id)).findFirst().orElseThrow();
        assertThat(check.taskKey()).isEqualTo("UserTask_SupervisorCheck");
        assertThat(check.step()).as("unknown to the API").isNull();
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REPLIED);
        assertThatThrownBy(() -> workflow().completeTask(leadUnit(), check.id(), Map.of()))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().completeTask(supervisor(), check.id(), Map.of("checkNote", Map.of("nested", 1))))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("variables.checkNote");

        assertThat(workflow().completeTask(supervisor(), check.id(), Map.of("checkNote", "reply verified on site")).status())
                .isEqualTo(CaseStatus.CALLBACK);

        assertThat(workflow().callback(operator(), id, new CallbackResult(Satisfaction.SATISFIED, true, null)).status())
                .isEqualTo(CaseStatus.CLOSED);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.TASK_COMPLETED)
                .singleElement().extracting(TimelineEntry::detail).asString()
                .contains("UserTask_SupervisorCheck").contains("reply verified on site");
    }
}
