package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The paths through case-escalation.bpmn: urging, supervision order, accountability fact; and the ladder stopping. */
class CaseEscalationProcessTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static void at(String offsetDateTime) {
        EngineClock.freezeAt(OffsetDateTime.parse(offsetDateTime).toInstant());
        Timers.fireDue(CITY.engine());
    }

    /** Signed for on Thursday 26 November: the handling deadline is Thursday 3 December. */
    private static CaseId signed() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        return id;
    }

    private static List<TimelineEntry> entries(CaseId id, CaseEventType type) {
        return workflow().timeline(operator(), id).stream().filter(entry -> entry.type() == type).toList();
    }

    private static List<TaskView> supervisionTasks(CaseId id) {
        return workflow().openTasks(supervisor()).stream()
                .filter(task -> task.caseId().equals(id) && task.taskKey().equals("UserTask_Supervise")).toList();
    }

    private static long runningEscalations(CaseId id) {
        return CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("case-escalation").processInstanceBusinessKey(id.value()).count();
    }

    @Test
    void anOverdueUnitIsUrgedThenSupervisedThenAnswersForIt() {
        CaseId id = signed();

        at("2026-12-04T00:00:00+08:00");
        assertThat(entries(id, CaseEventType.CASE_URGED)).singleElement().satisfies(urged -> {
            assertThat(urged.unit()).isEqualTo(LIXIA);
            assertThat(urged.detail()).contains("copied to its leader lixia-leader")
                    .contains("supervision follows if still open by 2026-12-11T23:59:59+08:00");
        });

        assertThat(workflow().openTasks(TestCity.leadUnit())).filteredOn(task -> task.caseId().equals(id))
                .extracting(TaskView::taskKey).containsExactlyInAnyOrder("UserTask_Handle", "UserTask_AcknowledgeUrging");
        assertThat(workflow().openTasks(org.hotline12345.workflow.access.Actor.unitLeader("lixia-leader", LIXIA)))
                .extracting(TaskView::taskKey).contains("UserTask_AcknowledgeUrging");
        TaskView acknowledge = workflow().openTasks(leadUnit()).stream()
                .filter(task -> task.taskKey().equals("UserTask_AcknowledgeUrging") && task.caseId().equals(id)).findFirst().orElseThrow();
        workflow().completeTask(leadUnit(), acknowledge.id(), Map.of("nextStep", "site visit on Monday"));

        at("2026-12-11T23:59:00+08:00");
        assertThat(entries(id, CaseEventType.SUPERVISION_ORDERED)).isEmpty();
        at("2026-12-12T00:00:00+08:00");
        assertThat(entries(id, CaseEventType.SUPERVISION_ORDERED)).singleElement().satisfies(order ->
                assertThat(order.detail()).contains("addressed to jinan (济南市) and the hotline office")
                        .contains("act by 2026-12-16T23:59:59+08:00"));
        assertThat(supervisionTasks(id)).singleElement().satisfies(task ->
                assertThat(task.due()).isEqualTo(OffsetDateTime.parse("2026-12-16T23:59:59+08:00")));
        assertThat(workflow().openTasks(dispatcher())).noneMatch(task -> task.taskKey().equals("UserTask_Supervise"));
        workflow().completeTask(supervisor(), supervisionTasks(id).get(0).id(), Map.of("supervisionNote", "called the district head"));

        at("2026-12-17T00:00:00+08:00");
        assertThat(entries(id, CaseEventType.ACCOUNTABILITY_FACT_RECORDED)).singleElement().satisfies(fact -> {
            assertThat(fact.unit()).isEqualTo(LIXIA);
            assertThat(fact.detail()).startsWith("OVERDUE_AFTER_SUPERVISION");
        });
        assertThat(CITY.engine().accountability().reviews(supervisor(), LIXIA, null))
                .as("the triggers table opens a review at once").anySatisfy(review -> {
                    assertThat(review.severity()).isEqualTo("HIGH");
                    assertThat(review.facts()).anySatisfy(fact -> {
                        assertThat(fact.kind()).isEqualTo(org.hotline12345.workflow.accountability.FactKind.OVERDUE_AFTER_SUPERVISION);
                        assertThat(fact.caseId()).isEqualTo(id);
                    });
                });
        assertThat(runningEscalations(id)).isZero();
    }

    /**
     * The ladder's variables are the analysts' to read (case-escalation.bpmn's documentation names them): a step an
     * analyst adds may branch on the urgency, for instance.
     */
    @Test
    void theLadderIsGivenTheCasesUnitClockCategoryAndUrgencyAndFollowsItsUrgencysPolicy() {
        at("2026-11-26T10:00:00+08:00");
        CaseId id = workflow().intake(operator(), TestCity.request(Category.COMPLAINT, Urgency.URGENT)).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));

        at("2026-11-26T12:00:00+08:00");

        // An urgent case's ladder waits one working day before supervision, a normal one's five.
        assertThat(entries(id, CaseEventType.CASE_URGED)).singleElement().satisfies(urged ->
                assertThat(urged.detail()).contains("the sign-for deadline has passed")
                        .contains("supervision follows if still open by 2026-11-27T23:59:59+08:00"));
        var runtime = CITY.engine().processEngine().getRuntimeService();
        String escalation = runtime.createProcessInstanceQuery().processDefinitionKey("case-escalation")
                .processInstanceBusinessKey(id.value()).singleResult().getId();
        assertThat(runtime.getVariables(escalation)).containsEntry("clock", "SIGN_FOR").containsEntry("leadUnit", LIXIA.value())
                .containsEntry("category", "COMPLAINT").containsEntry("urgency", "URGENT");
    }

    @Test
    void aReplyStopsTheLadder() {
        CaseId id = signed();
        at("2026-12-04T00:00:00+08:00");
        assertThat(runningEscalations(id)).isEqualTo(1);

        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done, late."));

        assertThat(runningEscalations(id)).isZero();
        at("2026-12-20T00:00:00+08:00");
        assertThat(entries(id, CaseEventType.SUPERVISION_ORDERED)).isEmpty();
        assertThat(entries(id, CaseEventType.ACCOUNTABILITY_FACT_RECORDED)).isEmpty();
    }

    @Test
    void aReplyDuringSupervisionEndsTheSupervisionTask() {
        CaseId id = signed();
        at("2026-12-04T00:00:00+08:00");
        at("2026-12-12T00:00:00+08:00");
        assertThat(supervisionTasks(id)).hasSize(1);

        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done under supervision."));

        assertThat(supervisionTasks(id)).isEmpty();
        at("2026-12-20T00:00:00+08:00");
        assertThat(entries(id, CaseEventType.ACCOUNTABILITY_FACT_RECORDED)).isEmpty();
    }
}
