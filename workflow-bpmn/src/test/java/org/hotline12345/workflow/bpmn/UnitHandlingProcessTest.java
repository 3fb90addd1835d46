package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.THURSDAY_MORNING;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths through unit-handling.bpmn on its own, driven through the engine as the diagram's contract
 * states it (variables in, task keys, outcome out), without the Java facade.
 */
class UnitHandlingProcessTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    @BeforeEach
    void init() {
        EngineClock.freezeAt(THURSDAY_MORNING);
        BpmnAwareTests.init(CITY.engine().processEngine());
    }

    private static Date endOfDay(String date) {
        return Date.from(OffsetDateTime.parse(date + "T23:59:59+08:00").toInstant());
    }

    private static ProcessInstance start(String entry, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of("category", "CONSULTATION", "urgency", "NORMAL",
                "leadUnit", "lixia", "entry", entry, "assisted", false));
        variables.putAll(extra);
        return CITY.engine().processEngine().getRuntimeService().startProcessInstanceByKey(StandardTask.UNIT_PROCESS, "unit-test-case", variables);
    }

    private static Task task(ProcessInstance instance) {
        return CITY.engine().processEngine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static void complete(ProcessInstance instance, Map<String, Object> variables) {
        CITY.engine().processEngine().getTaskService().complete(task(instance).getId(), variables);
    }

    @Test
    void freshDispatchIsSignedForThenReplied() {
        ProcessInstance instance = start("DISPATCH", Map.of());

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_SignFor");
        assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2026-11-27"));
        assertThat(CITY.engine().processEngine().getTaskService().getIdentityLinksForTask(task(instance).getId())).extracting("groupId").containsExactly("unit:lixia");

        complete(instance, Map.of("unitAction", "SIGN_FOR"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle");
        // A consultation: 3 working days from Thursday: Fri 27, Mon 30, Tue 1 Dec.
        assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2026-12-01"));

        complete(instance, Map.of("unitAction", "REPLY", "handlingOutcome", "REPLIED"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Replied");
    }

    @Test
    void returnBeforeSignForRejectedStartsTheHandlingClock() {
        ProcessInstance instance = start("DISPATCH", Map.of());
        complete(instance, Map.of("unitAction", "REQUEST_RETURN", "returnRequestedFrom", "SIGN_FOR", "returnCount", 1));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_DecideReturn");
        assertThat(CITY.engine().processEngine().getTaskService().getIdentityLinksForTask(task(instance).getId())).extracting("groupId").containsExactly("hotline-office");

        complete(instance, Map.of("returnAccepted", false));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle").hasPassed("ServiceTask_StartHandlingClock");
        assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2026-12-01"));
    }

    @Test
    void returnDuringHandlingRejectedKeepsTheDeadline() {
        ProcessInstance instance = start("DISPATCH", Map.of());
        complete(instance, Map.of("unitAction", "SIGN_FOR"));
        Date due = task(instance).getDueDate();
        EngineClock.freezeAt(THURSDAY_MORNING.plusSeconds(86_400));
        complete(instance, Map.of("unitAction", "REQUEST_RETURN", "returnRequestedFrom", "HANDLING", "returnCount", 1));

        complete(instance, Map.of("returnAccepted", false));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle");
        assertThat(task(instance).getDueDate()).isEqualTo(due);
    }

    @Test
    void acceptedReturnEndsTheUnitsPart() {
        ProcessInstance instance = start("DISPATCH", Map.of());
        complete(instance, Map.of("unitAction", "REQUEST_RETURN", "returnRequestedFrom", "SIGN_FOR", "returnCount", 1));

        complete(instance, Map.of("returnAccepted", true, "handlingOutcome", "RETURNED"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ReturnAccepted");
    }

    @Test
    void aSecondReturnWaitsForArbitrationInsteadOfAReturnDecision() {
        ProcessInstance instance = start("DISPATCH", Map.of());
        complete(instance, Map.of("unitAction", "REQUEST_RETURN", "returnRequestedFrom", "SIGN_FOR", "returnCount", 2));
        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Arbitrate");

        complete(instance, Map.of("returnAccepted", false));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle").hasPassed("ServiceTask_StartHandlingClock");
    }

    @Test
    void reworkStartsTheReworkClockWithoutSignForAgain() {
        ProcessInstance instance = start("REWORK", Map.of("handlingDue", endOfDay("2026-11-20"),
                "handlingYellowAt", endOfDay("2026-11-19")));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle").hasPassed("ServiceTask_StartReworkClock")
                .hasNotPassed("UserTask_SignFor");
        assertThat(task(instance).getDueDate()).isEqualTo(endOfDay("2026-12-01"));
    }

    @Test
    void aReplySentBackAtReviewKeepsItsDeadline() {
        Date due = endOfDay("2026-11-30");
        ProcessInstance instance = start("REVISE", Map.of("handlingDue", due, "handlingYellowAt", endOfDay("2026-11-27")));

        BpmnAwareTests.assertThat(instance).isWaitingAt("UserTask_Handle").hasNotPassed("ServiceTask_StartReworkClock");
        assertThat(task(instance).getDueDate()).isEqualTo(due);
    }
}
