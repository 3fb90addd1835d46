package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.HUAIYIN;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.URBAN_MANAGEMENT;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.count;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.endOfDay;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;

import java.util.List;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.handling.Assistance;
import org.hotline12345.workflow.handling.AssistanceStatus;
import org.hotline12345.workflow.handling.AssistAnswer;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lead and assisting units (主办/协办): the assisting-unit diagram called once per assisting unit from unit-handling,
 * driven through the API.
 */
class AssistingUnitsTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final Actor URBAN_MANAGEMENT_HANDLER = Actor.unitHandler("urban", URBAN_MANAGEMENT);

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static CaseId dispatchedWithAssistance(UnitId... assisting) {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, List.of(assisting), "Joint handling."));
        return id;
    }

    /** The keys of the open tasks of {@code actor} on case {@code id}: the engine runs the whole class's cases. */
    private static List<String> openTaskKeys(Actor actor, CaseId id) {
        return workflow().openTasks(actor).stream().filter(task -> task.caseId().equals(id)).map(TaskView::taskKey).toList();
    }

    private static Assistance partOf(CaseView view, UnitId unit) {
        return view.assistance().stream().filter(part -> part.unit().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void aDispatchGivesEachAssistingUnitItsOwnPartAndDeadline() {
        CaseId id = dispatchedWithAssistance(SHIZHONG, URBAN_MANAGEMENT);

        CaseView view = workflow().caseView(dispatcher(), id);
        assertThat(view.status()).as("the lead unit's status governs the case").isEqualTo(CaseStatus.DISPATCHED);
        assertThat(view.assistingUnits()).containsExactly(URBAN_MANAGEMENT, SHIZHONG);
        assertThat(view.assistance()).allSatisfy(part -> {
            assertThat(part.status()).isEqualTo(AssistanceStatus.REQUESTED);
            // Thursday 26 November plus 3 working days (the complaint's assisting limit): Tuesday 1 December.
            assertThat(part.due()).isEqualTo(endOfDay("2026-12-01"));
            assertThat(part.warning()).isEqualTo(WarningLevel.NONE);
        });
        assertThat(workflow().openTasks(otherUnit())).filteredOn(task -> task.caseId().equals(id)).singleElement()
                .satisfies(task -> {
                    assertThat(task.taskKey()).isEqualTo(StandardTask.ASSIST_SIGN_FOR.taskKey());
                    assertThat(task.unit()).isEqualTo(SHIZHONG);
                });
        assertThat(count(workflow(), id, CaseEventType.ASSISTANCE_REQUESTED)).isEqualTo(2);
        assertThat(workflow().caseView(otherUnit(), id).caller().phone())
                .as("an assisting unit sees the case, not the caller's contact").isEqualTo("138****5678");
    }

    @Test
    void anAssistingUnitSignsForAndAnswersTheLeadUnitWhichThenRepliesOnce() {
        CaseId id = dispatchedWithAssistance(SHIZHONG);

        workflow().assistSignFor(otherUnit(), id);
        assertThat(partOf(workflow().caseView(leadUnit(), id), SHIZHONG).status()).isEqualTo(AssistanceStatus.SIGNED_FOR);
        workflow().assistReply(otherUnit(), id, new AssistAnswer("The site permit allows work until 22:00 only."));
        workflow().signFor(leadUnit(), id);
        CaseView replied = workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Night work stopped."));

        Assistance part = partOf(replied, SHIZHONG);
        assertThat(part.status()).isEqualTo(AssistanceStatus.ANSWERED);
        assertThat(part.answer()).isEqualTo("The site permit allows work until 22:00 only.");
        assertThat(part.answeredAt()).isNotNull();
        assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(count(workflow(), id, CaseEventType.ASSISTANCE_ANSWERED)).isOne();
        assertThat(openTaskKeys(otherUnit(), id)).isEmpty();
    }

    @Test
    void theLeadUnitCannotReplyWhileAnAnswerIsOutstandingUnlessItRecordsWhy() {
        CaseId id = dispatchedWithAssistance(SHIZHONG);
        workflow().signFor(leadUnit(), id);

        assertThatThrownBy(() -> workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Night work stopped.")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("outstandingAssistanceReason"));
        assertThat(workflow().caseView(leadUnit(), id).status()).as("nothing written").isEqualTo(CaseStatus.IN_PROGRESS);

        CaseView replied = workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Night work stopped.",
                "Shizhong's part concerned a second site that closed meanwhile."));

        assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
        Assistance part = partOf(replied, SHIZHONG);
        assertThat(part.status()).isEqualTo(AssistanceStatus.CANCELLED);
        assertThat(part.endedNote()).contains("a second site that closed meanwhile");
        assertThat(replied.assistingUnits()).isEmpty();
        assertThat(openTaskKeys(otherUnit(), id)).as("the assisting part ended in the engine too").isEmpty();
        assertThat(count(workflow(), id, CaseEventType.ASSISTANCE_CANCELLED)).isOne();
    }

    @Test
    void anAssistingUnitGetsItsOwnYellowAndRedCardsWhichLeaveTheCaseLevelAlone() {
        CaseId id = dispatchedWithAssistance(SHIZHONG);
        workflow().signFor(leadUnit(), id);

        TestCity.at("2026-12-01T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(partOf(workflow().caseView(leadUnit(), id), SHIZHONG).warning()).isEqualTo(WarningLevel.YELLOW);
        TestCity.at("2026-12-02T00:00:00+08:00");
        Timers.fireDue(CITY.engine());

        CaseView view = workflow().caseView(leadUnit(), id);
        assertThat(partOf(view, SHIZHONG).warning()).isEqualTo(WarningLevel.RED);
        assertThat(view.warning()).as("the lead unit's handling deadline is Thursday 3 December").isEqualTo(WarningLevel.NONE);
        assertThat(workflow().timeline(operator(), id)).filteredOn(entry -> entry.type() == CaseEventType.RED_CARD_ISSUED)
                .singleElement().satisfies(entry -> assertThat(entry.unit()).isEqualTo(SHIZHONG));
        assertThat(CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("case-escalation").processInstanceBusinessKey(id.value()).count()).as("an assisting card does not climb the ladder").isZero();
    }

    @Test
    void onlyAnAssistingUnitWithThePartOpenActsAndOnlyInOrder() {
        CaseId id = dispatchedWithAssistance(SHIZHONG);

        assertThatThrownBy(() -> workflow().assistReply(otherUnit(), id, new AssistAnswer("Done.")))
                .as("answer before signing for").isInstanceOf(IllegalCaseStateException.class);
        assertThatThrownBy(() -> workflow().assistSignFor(Actor.unitHandler("huaiyin", HUAIYIN), id))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("'shizhong'");
        assertThatThrownBy(() -> workflow().assistSignFor(leadUnit(), id))
                .as("the lead unit is not its own assistant").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().assistReply(otherUnit(), id, new AssistAnswer(" ")))
                .isInstanceOfSatisfying(InvalidCaseException.class,
                        e -> assertThat(e.fields()).extracting(FieldError::field).containsExactly("text"));
    }

    @Test
    void anAcceptedReturnEndsTheAssistingPartsAndANewDispatchNamesItsOwn() {
        CaseId id = dispatchedWithAssistance(SHIZHONG);
        workflow().assistSignFor(otherUnit(), id);
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Huaiyin's street."));
        workflow().decideReturn(dispatcher(), id, new ReturnDecision(true, null, null));

        CaseView returned = workflow().caseView(dispatcher(), id);
        assertThat(partOf(returned, SHIZHONG).status()).isEqualTo(AssistanceStatus.CANCELLED);
        assertThat(openTaskKeys(otherUnit(), id)).isEmpty();

        workflow().dispatch(dispatcher(), id, new DispatchOrder(HUAIYIN, List.of(URBAN_MANAGEMENT), null));
        assertThat(workflow().caseView(dispatcher(), id).assistingUnits()).containsExactly(URBAN_MANAGEMENT);
        assertThat(openTaskKeys(URBAN_MANAGEMENT_HANDLER, id)).containsExactly(StandardTask.ASSIST_SIGN_FOR.taskKey());
    }

    @Test
    void aDispatchNamingTheLeadOrAnUnknownUnitAsAssistingIsRefusedWhole() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();

        assertThatThrownBy(() -> workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, List.of(LIXIA), null)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("assistingUnits")));
        assertThatThrownBy(() -> workflow().dispatch(dispatcher(), id,
                new DispatchOrder(LIXIA, List.of(UnitId.of("nowhere")), null)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).singleElement()
                        .satisfies(error -> assertThat(error.reason()).contains("unknown unit 'nowhere'")));
        assertThat(workflow().caseView(dispatcher(), id).status()).isEqualTo(CaseStatus.REGISTERED);
    }
}
