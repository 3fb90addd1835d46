package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Extensions (延期) on unit-handling.bpmn: requested before the deadline, capped, approved or refused by the hotline office. */
class DeadlineExtensionTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** Signed for on Thursday 26 November: a complaint's handling deadline is Thursday 3 December. */
    private static CaseId signed() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        return id;
    }

    @Test
    void anExtensionApprovedAfterTheYellowCardMovesTheDeadlineAndItsCards() {
        CaseId id = signed();
        TestCity.at("2026-12-03T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.YELLOW);

        TestCity.at("2026-12-03T09:00:00+08:00");
        CaseView asked = workflow().requestExtension(leadUnit(), id, new ExtensionRequest(3, "Waiting for the site owner's permit."));
        assertThat(asked.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(workflow().openTasks(dispatcher())).filteredOn(task -> task.caseId().equals(id)).singleElement()
                .satisfies(task -> assertThat(task.due()).isEqualTo(TestCity.endOfDay("2026-12-04")));

        CaseView extended = workflow().decideExtension(dispatcher(), id, new ExtensionDecision(true, "reasonable"));

        // Three working days after Thursday 3 December: Friday 4, Monday 7, Tuesday 8.
        assertThat(extended.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-08"));
        assertThat(extended.extendedWorkingDays()).isEqualTo(3);
        assertThat(extended.warning()).isEqualTo(WarningLevel.NONE);
        assertThat(workflow().openTasks(leadUnit())).filteredOn(task -> task.caseId().equals(id)).singleElement()
                .satisfies(task -> assertThat(task.due()).isEqualTo(TestCity.endOfDay("2026-12-08")));

        TestCity.at("2026-12-04T00:00:01+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).as("the old deadline's red card never fires").isZero();
        TestCity.at("2026-12-08T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).as("a new yellow card for the new deadline").isEqualTo(2);
        TestCity.at("2026-12-09T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.RED);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.EXTENSION_APPROVED).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("reply by 2026-12-08T23:59:59+08:00"));
    }

    @Test
    void aRefusedExtensionLeavesTheDeadline() {
        CaseId id = signed();
        workflow().requestExtension(leadUnit(), id, new ExtensionRequest(2, "Busy."));
        assertThatThrownBy(() -> workflow().decideExtension(dispatcher(), id, new ExtensionDecision(false, null)))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("note");

        CaseView refused = workflow().decideExtension(dispatcher(), id, new ExtensionDecision(false, "Not a reason."));

        assertThat(refused.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-03"));
        assertThat(refused.extendedWorkingDays()).isZero();
        assertThat(TestCity.count(workflow(), id, CaseEventType.EXTENSION_REFUSED)).isEqualTo(1);
    }

    @Test
    void extensionsAreCappedAndMustBeAskedForInTime() {
        CaseId id = signed();
        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(11, "A long job.")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).singleElement().satisfies(field -> {
                    assertThat(field.field()).isEqualTo("workingDays");
                    assertThat(field.reason()).contains("at most 10 more");
                }));
        workflow().requestExtension(leadUnit(), id, new ExtensionRequest(6, "A long job."));
        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(1, "Again.")))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("already has an extension request");
        workflow().decideExtension(dispatcher(), id, new ExtensionDecision(true, null));

        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(5, "More.")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields().get(0).reason())
                        .contains("at most 4 more").contains("6 were granted"));

        TestCity.at("2026-12-12T00:00:00+08:00");
        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(1, "Late.")))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("has passed");
        assertThatThrownBy(() -> workflow().requestExtension(TestCity.otherUnit(), id, new ExtensionRequest(1, "Not mine.")))
                .isInstanceOf(org.hotline12345.workflow.NotAuthorizedException.class);
    }

    @Test
    void aReplyEndsAPendingExtensionRequest() {
        CaseId id = signed();
        workflow().requestExtension(leadUnit(), id, new ExtensionRequest(2, "Maybe."));

        assertThat(workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done after all.")).status())
                .isEqualTo(CaseStatus.REPLIED);

        assertThat(workflow().openTasks(dispatcher())).filteredOn(task -> task.caseId().equals(id))
                .extracting(task -> task.taskKey()).containsExactly("UserTask_Review");
        assertThatThrownBy(() -> workflow().decideExtension(dispatcher(), id, new ExtensionDecision(true, null)))
                .isInstanceOf(IllegalCaseStateException.class);
    }
}
