package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deliberately broken copies of the shipped diagrams are refused at deployment with every problem named, and the
 * version in service stays in service.
 */
class DiagramContractTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }
    private final DiagramContract contract = new DiagramContract(HotlineEnginePlugin.LIBRARY_BEANS::contains);

    private static String shipped(String file) {
        try (InputStream in = DiagramContractTest.class.getClassLoader().getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> refusedProblems(String file, String content) {
        int versionBefore = latestVersion(file);
        Throwable refused = catchDeploy(file, content);
        assertThat(refused).isInstanceOf(DiagramContractException.class);
        assertThat(latestVersion(file)).as("the version in service stays in service").isEqualTo(versionBefore);
        return ((DiagramContractException) refused).problems();
    }

    private static Throwable catchDeploy(String file, String content) {
        try {
            CITY.engine().processEngine().getRepositoryService().createDeployment().name("analyst-edit").addString(file, content).deploy();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static int latestVersion(String file) {
        String key = file.startsWith("unit") ? StandardTask.UNIT_PROCESS : StandardTask.CASE_PROCESS;
        return CITY.engine().processEngine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    @Test
    void theShippedDiagramsKeepTheContract() {
        for (String file : List.of("hotline-case.bpmn", "unit-handling.bpmn", "assisting-unit.bpmn", "case-escalation.bpmn",
                "deadline-policy.dmn", "escalation-policy.dmn", "routing.dmn")) {
            assertThat(contract.problems(file, shipped(file).getBytes(StandardCharsets.UTF_8))).as(file).isEmpty();
        }
    }

    @Test
    void aRenamedUserTaskIsRefusedAndRunningCasesCarryOn() {
        CaseId running = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), running, new DispatchOrder(LIXIA, null));

        List<String> problems = refusedProblems("unit-handling.bpmn", shipped("unit-handling.bpmn").replace("UserTask_SignFor", "UserTask_Sign"));

        assertThat(problems).singleElement().asString()
                .contains("unit-handling.bpmn").contains("UserTask_SignFor").contains("sign for");
        assertThat(workflow().signFor(leadUnit(), running).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void aUnitHandlingThatNoLongerCallsTheAssistingUnitsIsRefused() {
        String edited = shipped("unit-handling.bpmn").replace("calledElement=\"assisting-unit\"", "calledElement=\"assist\"");

        assertThat(refusedProblems("unit-handling.bpmn", edited)).singleElement().asString()
                .contains("no call activity calls assisting-unit");
    }

    @Test
    void aCamundaClassBindingIsRefused() {
        String edited = shipped("hotline-case.bpmn").replaceFirst(
                "camunda:delegateExpression=\"\\$\\{hotlineStartClock}\"", "camunda:class=\"com.example.StartClock\"");

        assertThat(refusedProblems("hotline-case.bpmn", edited)).singleElement().asString()
                .contains("ServiceTask_StartCallbackClock").contains("camunda:class").contains("com.example.StartClock");
    }

    @Test
    void aVariableMappingBoundToAnUnknownBeanOrByClassIsRefused() {
        String misspelt = shipped("hotline-case.bpmn").replace("${hotlineUnitHandlingVariables}", "${hotlineUnitVariables}");
        assertThat(refusedProblems("hotline-case.bpmn", misspelt)).singleElement().asString()
                .contains("CallActivity_UnitHandling").contains("variableMappingDelegateExpression").contains("hotlineUnitVariables");

        String byClass = shipped("hotline-case.bpmn").replace("camunda:variableMappingDelegateExpression=\"${hotlineUnitHandlingVariables}\"",
                "camunda:variableMappingClass=\"com.example.Mapping\"");
        assertThat(refusedProblems("hotline-case.bpmn", byClass)).singleElement().asString()
                .contains("CallActivity_UnitHandling").contains("camunda:variableMappingClass").contains("com.example.Mapping");
    }

    @Test
    void aMissingDiagramShapeIsRefused() {
        String edited = shipped("hotline-case.bpmn").replaceAll(
                "(?s)<bpmndi:BPMNShape id=\"UserTask_Review_di\".*?</bpmndi:BPMNShape>", "");

        assertThat(refusedProblems("hotline-case.bpmn", edited)).singleElement().asString()
                .contains("UserTask_Review").contains("no shape");
    }

    @Test
    void everyProblemOfOneEditIsNamedAtOnce() {
        String edited = shipped("hotline-case.bpmn")
                .replace("UserTask_Callback", "UserTask_CallCitizen")
                .replace("${hotlineStartClock}", "${startTheClock}")
                .replace(" camunda:historyTimeToLive=\"1825\"", "")
                .replace("modeler:executionPlatform=\"Camunda Platform\"", "modeler:executionPlatform=\"Camunda Cloud\"");

        assertThat(String.join("\n", contract.problems("hotline-case.bpmn", edited.getBytes(StandardCharsets.UTF_8))))
                .contains("UserTask_Callback is missing")
                .contains("names bean 'startTheClock', which does not exist")
                .contains("historyTimeToLive is missing")
                .contains("executionPlatform must be \"Camunda Platform\"");
    }

    @Test
    void aDeadlineTableWithoutAnOutputTheClocksReadIsRefused() {
        String edited = shipped("deadline-policy.dmn").replaceAll("(?s)<output id=\"Output_ReworkLimit\"[^>]*/>", "")
                .replaceAll("(?s)<outputEntry id=\"LiteralExpression_Rule_[A-Za-z]+_ReworkLimit\">.*?</outputEntry>", "");

        Throwable refused = catchDeploy("deadline-policy.dmn", edited);

        assertThat(refused).isInstanceOf(DiagramContractException.class);
        assertThat(((DiagramContractException) refused).problems()).singleElement().asString().contains("reworkLimit");
    }

    @Test
    void theHostsOwnDiagramsAreNotTheLibrarysBusiness() {
        String hostProcess = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://example.com">
                  <process id="host-leave-request" isExecutable="true" camunda:historyTimeToLive="30">
                    <startEvent id="start"/>
                  </process>
                </definitions>""";
        assertThat(contract.problems("leave.bpmn", hostProcess.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
