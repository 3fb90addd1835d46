package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.suspension.SuspensionDecision;
import org.hotline12345.workflow.suspension.SuspensionRequest;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Suspension (挂起) on unit-handling.bpmn: the handling clock stops, its cards hold, and it resumes with what was left. */
class SuspensionTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** Signed for on Thursday 26 November: the handling deadline is Thursday 3 December. */
    private static CaseId signed(IntakeRequest request) {
        CaseId id = workflow().intake(operator(), request).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        return id;
    }

    @Test
    void aSuspensionOverAWeekendKeepsTheWorkingDaysThatWereLeft() {
        CaseId id = signed(TestCity.request(Category.HELP, Urgency.NORMAL));
        TestCity.at("2026-11-27T15:00:00+08:00");

        CaseView paused = workflow().requestSuspension(leadUnit(), id, new SuspensionRequest("Waiting for the citizen's photos."));
        assertThat(paused.suspended()).as("a help request needs no approval").isTrue();
        assertThat(paused.suspendedSince()).isEqualTo(OffsetDateTime.parse("2026-11-27T15:00:00+08:00"));

        TestCity.at("2026-11-30T09:00:00+08:00");
        CaseView resumed = workflow().resume(leadUnit(), id);

        // Mon, Tue, Wed and Thu were left; counted from Monday they end on Friday 4 December.
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-04"));
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.CASE_RESUMED).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("after 2 days 18 hours").contains("reply by 2026-12-04T23:59:59+08:00"));
    }

    @Test
    void noCardFiresWhileTheClockIsPaused() {
        CaseId id = signed(TestCity.request(Category.HELP, Urgency.NORMAL));
        workflow().requestSuspension(leadUnit(), id, new SuspensionRequest("Waiting for the citizen."));

        TestCity.at("2026-12-05T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED) + TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isZero();

        // Resumed Monday 7 December with five working days left (Fri 27 to Thu 3): Tuesday 14 December.
        TestCity.at("2026-12-07T10:00:00+08:00");
        assertThat(workflow().resume(leadUnit(), id).deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-14"));
        TestCity.at("2026-12-14T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isEqualTo(1);
        assertThat(TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isZero();
    }

    @Test
    void aComplaintsClockStopsOnlyWithTheHotlineOfficesApproval() {
        CaseId id = signed(complaint());
        CaseView asked = workflow().requestSuspension(leadUnit(), id, new SuspensionRequest("The citizen is travelling."));
        assertThat(asked.suspended()).isFalse();
        assertThat(TestCity.count(workflow(), id, CaseEventType.SUSPENSION_REQUESTED)).isEqualTo(1);

        CaseView approved = workflow().decideSuspension(dispatcher(), id, new SuspensionDecision(true, null));
        assertThat(approved.suspended()).isTrue();
        assertThatThrownBy(() -> workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "done")))
                .isInstanceOf(IllegalCaseStateException.class).hasMessageContaining("resume it first");
        assertThatThrownBy(() -> workflow().requestExtension(leadUnit(), id, new ExtensionRequest(2, "more")))
                .isInstanceOf(IllegalCaseStateException.class);
        assertThatThrownBy(() -> workflow().resume(TestCity.otherUnit(), id)).isInstanceOf(NotAuthorizedException.class);

        CaseView resumed = workflow().resume(leadUnit(), id);
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.deadlines().handling()).as("paused and resumed the same day").isEqualTo(TestCity.endOfDay("2026-12-03"));
        assertThat(workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "done")).status()).isEqualTo(CaseStatus.REPLIED);
    }

    @Test
    void aRefusedSuspensionLeavesTheClockRunning() {
        CaseId id = signed(complaint());
        workflow().requestSuspension(leadUnit(), id, new SuspensionRequest("Busy."));

        CaseView refused = workflow().decideSuspension(dispatcher(), id, new SuspensionDecision(false, "Call the citizen today."));

        assertThat(refused.suspended()).isFalse();
        assertThat(TestCity.count(workflow(), id, CaseEventType.SUSPENSION_REFUSED)).isEqualTo(1);
        assertThatThrownBy(() -> workflow().resume(leadUnit(), id)).isInstanceOf(IllegalCaseStateException.class)
                .hasMessageContaining("not suspended");
    }
}
