package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The input parameters that name a library task's clock or card ({@code clock}, {@code level}) are fixed texts in the
 * shipped diagrams: the tasks read them from the parsed diagram and leave no local variables in the history. A
 * parameter an analyst writes as an expression still reaches the task, through the engine's own mapping.
 */
class TaskParametersTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** The history of the case's task-local clock and card parameters, in all of its process instances. */
    private static List<HistoricVariableInstance> parameters(CaseId id) {
        HistoryService history = CITY.engine().processEngine().getHistoryService();
        String[] instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id.value()).list().stream()
                .map(instance -> instance.getId()).toArray(String[]::new);
        return history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).list().stream()
                .filter(variable -> variable.getName().equals("clock") || variable.getName().equals("level"))
                // The escalation ladder's own "clock" is a variable of its process instance, not a task's.
                .filter(variable -> !variable.getActivityInstanceId().equals(variable.getProcessInstanceId())).toList();
    }

    @Test
    void aServiceTaskWithoutADelegateExpressionDeploysAndRuns() {
        // The host's own process on the hotline engine: a task with an expression, one with an external topic.
        BpmnModelInstance hosts = Bpmn.createExecutableProcess("host-service-tasks").startEvent()
                .serviceTask("stamp").camundaExpression("${execution.setVariable('stamped', true)}")
                .serviceTask("notify").camundaExternalTask("host-notifications").endEvent().done();
        CITY.engine().processEngine().getRepositoryService().createDeployment().name("host's process")
                .addModelInstance("host-service-tasks.bpmn", hosts).deploy();

        String instance = CITY.engine().processEngine().getRuntimeService().startProcessInstanceByKey("host-service-tasks").getId();

        assertThat(CITY.engine().processEngine().getRuntimeService().getVariable(instance, "stamped")).isEqualTo(true);
        assertThat(CITY.engine().processEngine().getExternalTaskService().createExternalTaskQuery().processInstanceId(instance)
                .topicName("host-notifications").count()).isOne();
    }

    @Test
    void theShippedClocksAndCardsWorkWithoutLocalVariables() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        workflow().signFor(leadUnit(), id);

        EngineClock.freezeAt(OffsetDateTime.parse("2026-12-04T00:00:00+08:00").toInstant());
        Timers.fireDue(CITY.engine());

        assertThat(workflow().caseView(operator(), id).deadlines().handling())
                .isEqualTo(OffsetDateTime.parse("2026-12-03T23:59:59+08:00"));
        assertThat(workflow().timeline(operator(), id))
                .filteredOn(entry -> entry.type() == CaseEventType.YELLOW_CARD_ISSUED || entry.type() == CaseEventType.RED_CARD_ISSUED)
                .extracting(TimelineEntry::detail).hasSize(2).allSatisfy(detail -> assertThat(detail).contains("the handling deadline"));
        assertThat(parameters(id)).isEmpty();
    }

    @Test
    void aParameterWrittenAsAnExpressionStillReachesTheClock() {
        CaseId shipped = TestCity.dispatchedToLixia(workflow());
        BpmnModelInstance edited = DiagramEdits.shipped("unit-handling.bpmn");
        ServiceTask startSignForClock = edited.getModelElementById("ServiceTask_StartSignForClock");
        edited.getModelElementsByType(CamundaInputParameter.class).stream()
                .filter(parameter -> parameter.getParentElement().getParentElement().getParentElement() == startSignForClock)
                .filter(parameter -> parameter.getCamundaName().equals("clock"))
                .findFirst().orElseThrow().setTextContent("${'SIGN_FOR'}");
        CITY.engine().processEngine().getRepositoryService().createDeployment().name("analyst-edit")
                .addModelInstance("unit-handling.bpmn", edited).deploy();
        try {
            CaseId onEdit = TestCity.dispatchedToLixia(workflow());

            assertThat(workflow().caseView(operator(), onEdit).deadlines().signFor())
                    .isNotNull().isEqualTo(workflow().caseView(operator(), shipped).deadlines().signFor());
            assertThat(parameters(onEdit)).singleElement().satisfies(clock -> {
                assertThat(clock.getName()).isEqualTo("clock");
                assertThat(clock.getValue()).isEqualTo("SIGN_FOR");
            });
            assertThat(parameters(shipped)).isEmpty();
        } finally {
            CITY.engine().processEngine().getRepositoryService().createDeployment().name("shipped-again")
                    .addModelInstance("unit-handling.bpmn", DiagramEdits.shipped("unit-handling.bpmn")).deploy();
        }
    }
}
