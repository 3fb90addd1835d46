package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.request;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReopenLimitDecision;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The paths through hotline-case.bpmn (with unit-handling.bpmn as its call activity), driven through the API. */
class HotlineCaseProcessTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static void later(Duration duration) {
        EngineClock.advance(duration, false);
    }

    private static CaseId registered() {
        return workflow().intake(operator(), complaint()).caseView().id();
    }

    private static CaseId signedByLixia() {
        CaseId id = registered();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);
        return id;
    }

    private static CaseId atCallback() {
        CaseId id = signedByLixia();
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Work hours limited to 7:00-22:00."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        return id;
    }

    /** The case's warning level once the clock is at {@code when} and the timers due by then have fired. */
    private static WarningLevel warningOnceDue(CaseId id, String when) {
        TestCity.at(when);
        Timers.fireDue(CITY.engine());
        return workflow().caseView(operator(), id).warning();
    }

    private static List<CaseEventType> events(CaseId id) {
        return workflow().timeline(operator(), id).stream().map(TimelineEntry::type).toList();
    }

    @Test
    void directAnswerClosesTheCase() {
        CaseView taken = workflow().intake(operator(), request(Category.CONSULTATION, Urgency.NORMAL)).caseView();
        assertThat(taken.status()).isEqualTo(CaseStatus.REGISTERED);

        CaseView closed = workflow().answerDirectly(operator(), taken.id(), new DirectAnswer("Office hours are 9:00-17:00."));

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.leadUnit()).isNull();
        assertThat(events(taken.id())).containsExactly(CaseEventType.CASE_REGISTERED, CaseEventType.CASE_ANSWERED_DIRECTLY,
                CaseEventType.CASE_CLOSED);
    }

    @Test
    void dispatchSignReplyApproveSatisfiedClosesTheCase() {
        CaseId id = registered();

        CaseView dispatched = workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, "please check the permit"));
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.leadUnit()).isEqualTo(LIXIA);
        // Thursday: sign for within 1 working day, by Friday night.
        assertThat(dispatched.deadlines().signFor()).isEqualTo(TestCity.endOfDay("2026-11-27"));
        assertThat(dispatched.deadlines().handling()).isNull();

        later(Duration.ofDays(1));
        CaseView signed = workflow().signFor(leadUnit(), id);
        assertThat(signed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        // Signed Friday: a complaint has 5 working days, Mon 30 Nov to Fri 4 Dec.
        assertThat(signed.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-04"));

        CaseView replied = workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Night work stopped; site fined."));
        assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(replied.replyResult()).isEqualTo(ReplyResult.RESOLVED);

        CaseView approved = workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        assertThat(approved.status()).isEqualTo(CaseStatus.CALLBACK);
        // Approved Friday: call back within 1 working day, by Monday night.
        assertThat(approved.deadlines().callback()).isEqualTo(TestCity.endOfDay("2026-11-30"));

        CaseView closed = workflow().callback(operator(), id, new CallbackResult(Satisfaction.SATISFIED, true, "thanks"));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.reopens()).isZero();
        assertThat(events(id)).containsExactly(CaseEventType.CASE_REGISTERED, CaseEventType.CASE_DISPATCHED,
                CaseEventType.CASE_SIGNED_FOR, CaseEventType.CASE_REPLIED, CaseEventType.REPLY_APPROVED,
                CaseEventType.CALLBACK_RECORDED, CaseEventType.CASE_CLOSED);
        assertThat(workflow().timeline(operator(), id)).allSatisfy(entry -> assertThat(entry.actor()).isNotBlank())
                .extracting(TimelineEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        List<TimelineEntry> full = workflow().fullTimeline(operator(), id);
        assertThat(full).filteredOn(entry -> entry.source() == TimelineEntry.Source.AUDIT).hasSize(7);
        assertThat(full).filteredOn(entry -> "UserTask_SignFor".equals(entry.elementId()))
                .extracting(TimelineEntry::event).containsExactly("ActivityEntered", "CaseSignedFor", "ActivityLeft");
        assertThat(full).filteredOn(entry -> "ActivityLeft".equals(entry.event()) && "UserTask_SignFor".equals(entry.elementId()))
                .singleElement().satisfies(entry -> assertThat(entry.detail()).contains("done by lixia"));
        assertThat(full).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo("VariableChanged");
            assertThat(entry.detail()).isEqualTo("handlingDue = 2026-12-04T23:59:59+08:00");
        });
        assertThat(full).extracting(TimelineEntry::at).isSorted();
    }

    @Test
    void theUnitsPartIsGivenWhatItReadsAndItsClocksTakeTheCategoryFromTheCase() {
        CaseId id = workflow().intake(operator(), request(Category.CONSULTATION, Urgency.NORMAL)).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));

        RuntimeService runtime = CITY.engine().processEngine().getRuntimeService();
        String unitPart = runtime.createProcessInstanceQuery().processDefinitionKey("unit-handling")
                .processInstanceBusinessKey(id.value()).singleResult().getId();
        assertThat(runtime.getVariables(unitPart)).containsKeys("leadUnit", "entry", "assisted", "signForDue")
                .doesNotContainKeys("caseId", "category", "urgency");

        // Signed Thursday: a consultation has 3 working days (a complaint 5), Fri 27 Nov to Tue 1 Dec.
        CaseView signed = workflow().signFor(leadUnit(), id);
        assertThat(signed.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-01"));
    }

    @Test
    void reviewSendsTheReplyBackUnderTheSameDeadline() {
        CaseId id = signedByLixia();
        OffsetDateTime handlingDue = workflow().caseView(operator(), id).deadlines().handling();
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.EXPLAINED, "Not our matter."));

        CaseView sentBack = workflow().review(dispatcher(), id, new ReviewDecision(false, "Say which law applies."));

        assertThat(sentBack.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(sentBack.leadUnit()).isEqualTo(LIXIA);
        assertThat(sentBack.deadlines().handling()).isEqualTo(handlingDue);
        CaseView repliedAgain = workflow().reply(leadUnit(), id, new Reply(ReplyResult.EXPLAINED, "Article 12 applies."));
        assertThat(repliedAgain.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(events(id)).contains(CaseEventType.REPLY_SENT_BACK);
    }

    @Test
    void returnAcceptedAndRedispatchedToAnotherUnit() {
        CaseId id = registered();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));

        CaseView returning = workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "The site is in Shizhong district."));
        assertThat(returning.status()).isEqualTo(CaseStatus.RETURN_REQUESTED);
        assertThat(returning.returns()).isEqualTo(1);

        later(Duration.ofHours(2));
        CaseView redispatched = workflow().decideReturn(dispatcher(), id, new ReturnDecision(true, "confirmed on the map", SHIZHONG));

        assertThat(redispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(redispatched.leadUnit()).isEqualTo(SHIZHONG);
        assertThat(redispatched.deadlines().signFor()).isEqualTo(TestCity.endOfDay("2026-11-27"));
        assertThat(workflow().signFor(otherUnit(), id).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        // The unit that returned it still sees the case it once had, masked, and can no longer act on it.
        assertThat(workflow().caseView(leadUnit(), id).caller().phone()).isEqualTo("138****5678");
        assertThat(workflow().cases(leadUnit(), org.hotline12345.workflow.cases.CaseQuery.all().withPage(0, 200)).items())
                .extracting(CaseView::id).contains(id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "x")))
                .isInstanceOf(org.hotline12345.workflow.NotAuthorizedException.class);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.RETURN_REQUESTED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("OUTSIDE_AREA"));
        assertThat(events(id)).containsSubsequence(CaseEventType.RETURN_REQUESTED, CaseEventType.RETURN_ACCEPTED,
                CaseEventType.CASE_DISPATCHED, CaseEventType.CASE_SIGNED_FOR);
    }

    @Test
    void returnAfterTheReturnWindowIsRefusedAndTheUnitKeepsTheCase() {
        CaseId id = signedByLixia();
        // Dispatched on Thursday 26 November: two working days run to the end of Monday 30 November.
        String windowEnd = TestCity.endOfDay("2026-11-30").toString();
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.CASE_DISPATCHED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("return only until " + windowEnd));
        TestCity.at("2026-12-01T09:00:00+08:00");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours.")))
                .isInstanceOf(org.hotline12345.workflow.IllegalCaseStateException.class)
                .hasMessageContaining("return window").hasMessageContaining(windowEnd);
        CaseView after = workflow().caseView(operator(), id);
        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(after.returns()).isZero();
        assertThat(events(id)).doesNotContain(CaseEventType.RETURN_REQUESTED);
    }

    @Test
    void returnOnTheLastDayOfTheReturnWindowIsAccepted() {
        CaseId id = signedByLixia();
        TestCity.at("2026-11-30T18:00:00+08:00");

        assertThat(workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours.")).status())
                .isEqualTo(CaseStatus.RETURN_REQUESTED);
    }

    /** Lixia returns the case, the hotline office sends it to Shizhong, and Shizhong returns it as well. */
    private static CaseId disputedByShizhong() {
        CaseId id = registered();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "The site is in Shizhong."));
        workflow().decideReturn(dispatcher(), id, new ReturnDecision(true, null, SHIZHONG));
        CaseView disputed = workflow().requestReturn(otherUnit(), id,
                new ReturnRequest(ReturnReason.OUTSIDE_AREA, "The site is in Lixia."));
        assertThat(disputed.status()).isEqualTo(CaseStatus.DISPUTED);
        assertThat(disputed.returns()).isEqualTo(2);
        return id;
    }

    @Test
    void theSecondReturnIsADisputeArbitratedToAnotherUnit() {
        CaseId id = disputedByShizhong();
        assertThat(workflow().openTasks(dispatcher())).filteredOn(task -> task.caseId().equals(id))
                .singleElement().satisfies(task -> assertThat(task.taskKey()).isEqualTo("UserTask_Arbitrate"));

        CaseView arbitrated = workflow().arbitrate(dispatcher(), id, new Arbitration(LIXIA, "Surveyed: the site is in Lixia."));

        assertThat(arbitrated.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(arbitrated.leadUnit()).isEqualTo(LIXIA);
        assertThat(arbitrated.deadlines().signFor()).isEqualTo(TestCity.endOfDay("2026-11-27"));
        assertThat(events(id)).containsSubsequence(CaseEventType.RETURN_REQUESTED, CaseEventType.DISPUTE_ARBITRATED,
                CaseEventType.CASE_DISPATCHED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflow().requestReturn(leadUnit(), id,
                        new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Still not ours.")))
                .isInstanceOf(org.hotline12345.workflow.IllegalCaseStateException.class)
                .hasMessageContaining("arbitration");
        assertThat(workflow().signFor(leadUnit(), id).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(events(id)).as("moving the case is no verdict on a unit").doesNotContain(CaseEventType.ACCOUNTABILITY_FACT_RECORDED);
    }

    @Test
    void aDisputeArbitratedToTheReturningUnitLeavesItTheCase() {
        CaseId id = disputedByShizhong();

        CaseView arbitrated = workflow().arbitrate(dispatcher(), id, new Arbitration(SHIZHONG, "Shizhong owns the road."));

        assertThat(arbitrated.status()).as("returned before sign-for: the handling clock starts").isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(arbitrated.leadUnit()).isEqualTo(SHIZHONG);
        assertThat(arbitrated.deadlines().handling()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflow().requestReturn(otherUnit(), id,
                        new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Still not ours.")))
                .isInstanceOf(org.hotline12345.workflow.IllegalCaseStateException.class);
        assertThat(workflow().caseView(operator(), id).returns()).isEqualTo(2);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.ACCOUNTABILITY_FACT_RECORDED)
                .singleElement().satisfies(fact -> {
                    assertThat(fact.unit()).isEqualTo(SHIZHONG);
                    assertThat(fact.detail()).startsWith("IMPROPER_RETURN").contains("Shizhong owns the road.");
                });
    }

    @Test
    void returnAcceptedWithoutANewUnitGoesBackToDispatch() {
        CaseId id = signedByLixia();
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Belongs to the urban management bureau."));

        CaseView back = workflow().decideReturn(dispatcher(), id, new ReturnDecision(true, null, null));

        assertThat(back.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(back.leadUnit()).isNull();
        assertThat(back.deadlines().signFor()).isNull();
        assertThat(back.deadlines().handling()).isNull();
        assertThat(workflow().dispatch(dispatcher(), id, new DispatchOrder(TestCity.URBAN_MANAGEMENT, null)).status())
                .isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void returnRejectedBeforeSignForObligesTheUnitToHandle() {
        CaseId id = registered();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours."));

        CaseView rejected = workflow().decideReturn(dispatcher(), id, new ReturnDecision(false, "The site is in Lixia.", null));

        assertThat(rejected.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(rejected.leadUnit()).isEqualTo(LIXIA);
        assertThat(rejected.deadlines().handling()).as("the handling clock starts at the rejection").isEqualTo(TestCity.endOfDay("2026-12-03"));
        assertThat(events(id)).containsSubsequence(CaseEventType.RETURN_REJECTED, CaseEventType.ACCOUNTABILITY_FACT_RECORDED);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.ACCOUNTABILITY_FACT_RECORDED)
                .singleElement().satisfies(fact -> {
                    assertThat(fact.unit()).isEqualTo(LIXIA);
                    assertThat(fact.detail()).startsWith("IMPROPER_RETURN").contains("The site is in Lixia.");
                });
    }

    @Test
    void returnRejectedDuringHandlingKeepsTheHandlingDeadline() {
        CaseId id = signedByLixia();
        OffsetDateTime handlingDue = workflow().caseView(operator(), id).deadlines().handling();
        later(Duration.ofDays(1));
        workflow().requestReturn(leadUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours after all."));

        CaseView rejected = workflow().decideReturn(dispatcher(), id, new ReturnDecision(false, "It is yours.", null));

        assertThat(rejected.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(rejected.deadlines().handling()).isEqualTo(handlingDue);
        assertThat(rejected.returns()).isEqualTo(1);
    }

    @Test
    void unsatisfiedCitizenReopensTheCaseThenIsSatisfied() {
        CaseId id = atCallback();

        CaseView reopened = workflow().callback(operator(), id, new CallbackResult(Satisfaction.UNSATISFIED, false, "still noisy"));

        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.reopens()).isEqualTo(1);
        assertThat(reopened.leadUnit()).isEqualTo(LIXIA);
        // Reopened Thursday: rework within 3 working days, by Tuesday night.
        assertThat(reopened.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-01"));
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Site inspected at night; work stopped."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        CaseView closed = workflow().callback(operator(), id, new CallbackResult(Satisfaction.BASICALLY_SATISFIED, true, null));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.reopens()).isEqualTo(1);
        assertThat(events(id)).containsSubsequence(CaseEventType.CALLBACK_RECORDED, CaseEventType.CASE_REOPENED,
                CaseEventType.CASE_REPLIED, CaseEventType.CALLBACK_RECORDED, CaseEventType.CASE_CLOSED);
    }

    private static CaseView unsatisfiedAgain(CaseId id) {
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.PARTIALLY_RESOLVED, "Partly done."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        return workflow().callback(operator(), id, new CallbackResult(Satisfaction.UNSATISFIED, false, null));
    }

    @Test
    void reopenLimitReachedThenTheHotlineOfficeClosesTheCase() {
        CaseId id = atCallback();
        workflow().callback(operator(), id, new CallbackResult(Satisfaction.UNSATISFIED, false, null));
        assertThat(unsatisfiedAgain(id).reopens()).isEqualTo(2);

        CaseView atLimit = unsatisfiedAgain(id);

        assertThat(atLimit.status()).isEqualTo(CaseStatus.REOPEN_LIMIT_REACHED);
        assertThat(atLimit.reopens()).isEqualTo(2);
        CaseView closed = workflow().decideAfterReopenLimit(dispatcher(), id,
                new ReopenLimitDecision(true, "Demand exceeds what the law allows; explained to the citizen."));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(events(id)).containsSubsequence(CaseEventType.REOPEN_LIMIT_REACHED, CaseEventType.TASK_COMPLETED,
                CaseEventType.CASE_CLOSED);
    }

    @Test
    void reopenLimitReachedThenTheHotlineOfficeSendsItBackOnceMore() {
        CaseId id = atCallback();
        workflow().callback(operator(), id, new CallbackResult(Satisfaction.UNSATISFIED, false, null));
        unsatisfiedAgain(id);
        unsatisfiedAgain(id);

        CaseView reopened = workflow().decideAfterReopenLimit(dispatcher(), id,
                new ReopenLimitDecision(false, "The unit has not visited the site yet."));

        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.reopens()).isEqualTo(3);
    }

    @Test
    void anOverdueReplyEarnsAYellowThenARedCard() {
        CaseId id = signedByLixia();
        assertThat(Timers.fireDue(CITY.engine())).isZero();

        // Handling is due Thursday 3 December; the yellow card comes one working day before.
        assertThat(warningOnceDue(id, "2026-12-02T23:59:58+08:00")).isEqualTo(WarningLevel.NONE);
        assertThat(warningOnceDue(id, "2026-12-03T00:00:00+08:00")).isEqualTo(WarningLevel.YELLOW);
        assertThat(workflow().cases(operator(), CaseQuery.all().withWarning(WarningLevel.YELLOW).withPage(0, 200)).items())
                .extracting(CaseView::id).contains(id);
        assertThat(workflow().timeline(operator(), id)).last().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(CaseEventType.YELLOW_CARD_ISSUED);
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.unit()).isEqualTo(LIXIA);
            assertThat(entry.detail()).contains("handling deadline 2026-12-03T23:59:59+08:00");
        });

        assertThat(warningOnceDue(id, "2026-12-04T00:00:00+08:00")).isEqualTo(WarningLevel.RED);
        assertThat(workflow().cases(operator(), CaseQuery.all().withWarning(WarningLevel.RED).withPage(0, 200)).items())
                .extracting(CaseView::id).contains(id);

        CaseView replied = workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Late, but done."));
        assertThat(replied.warning()).as("the card belongs to the open step").isEqualTo(WarningLevel.NONE);
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isEqualTo(1);
        assertThat(TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isEqualTo(1);
    }

    @Test
    void aReplySentBackEarlyIsCardedOnItsFirstDeadline() {
        CaseId id = signedByLixia();
        OffsetDateTime handlingDue = workflow().caseView(operator(), id).deadlines().handling();
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.EXPLAINED, "Not our matter."));
        workflow().review(dispatcher(), id, new ReviewDecision(false, "Say which law applies."));
        assertThat(workflow().openTasks(leadUnit()).stream().filter(task -> task.caseId().equals(id)).findFirst().orElseThrow().due())
                .isEqualTo(handlingDue);

        // The kept deadline is Thursday 3 December: the yellow card one working day before, the red card after it.
        assertThat(warningOnceDue(id, "2026-12-02T23:59:58+08:00")).isEqualTo(WarningLevel.NONE);
        assertThat(warningOnceDue(id, "2026-12-03T00:00:00+08:00")).isEqualTo(WarningLevel.YELLOW);
        assertThat(warningOnceDue(id, "2026-12-04T00:00:00+08:00")).isEqualTo(WarningLevel.RED);
        assertThat(workflow().timeline(operator(), id)).filteredOn(entry -> entry.type() == CaseEventType.RED_CARD_ISSUED)
                .singleElement().satisfies(entry -> assertThat(entry.detail()).contains("handling deadline 2026-12-03T23:59:59+08:00"));
    }

    @Test
    void aReplySentBackAfterItsDeadlineIsNotCardedTwice() {
        CaseId id = signedByLixia();
        TestCity.at("2026-12-04T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        workflow().reply(leadUnit(), id, new Reply(ReplyResult.EXPLAINED, "Not possible."));

        workflow().review(dispatcher(), id, new ReviewDecision(false, "Explain which rule applies."));
        Timers.fireDue(CITY.engine());

        assertThat(workflow().caseView(operator(), id).warning()).as("still overdue").isEqualTo(WarningLevel.RED);
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isEqualTo(1);
        assertThat(TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isEqualTo(1);
    }

    @Test
    void noCardFiresForAStepThatIsDone() {
        CaseId id = registered();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        workflow().signFor(leadUnit(), id);

        TestCity.at("2026-11-28T12:00:00+08:00");
        Timers.fireDue(CITY.engine());

        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.NONE);
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED) + TestCity.count(workflow(), id, CaseEventType.RED_CARD_ISSUED)).isZero();
    }

    @Test
    void anUncalledCitizenEarnsTheHotlineOfficeARedCard() {
        CaseId id = atCallback();
        // Approved Thursday: callback due Friday night.
        TestCity.at("2026-11-28T00:00:00+08:00");
        Timers.fireDue(CITY.engine());

        CaseView late = workflow().caseView(operator(), id);
        assertThat(late.warning()).isEqualTo(WarningLevel.RED);
        assertThat(workflow().timeline(operator(), id)).last().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(CaseEventType.RED_CARD_ISSUED);
            assertThat(entry.unit()).as("the hotline office's own clock").isNull();
            assertThat(entry.detail()).contains("callback deadline 2026-11-27T23:59:59+08:00");
        });
        assertThat(workflow().callback(operator(), id, new CallbackResult(Satisfaction.SATISFIED, true, null)).warning())
                .isEqualTo(WarningLevel.NONE);
    }

    @Test
    void aCaseDispatchedTheFridayBeforeTheSpringFestival() {
        TestCity.at("2026-02-13T10:00:00+08:00");
        CaseId id = registered();

        CaseView dispatched = workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        // The next working day is the make-up Saturday before the holiday.
        assertThat(dispatched.deadlines().signFor()).isEqualTo(TestCity.endOfDay("2026-02-14"));
        TestCity.at("2026-02-14T09:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.YELLOW);

        CaseView signed = workflow().signFor(leadUnit(), id);
        // Five working days after the make-up Saturday: 24, 25, 26, 27 February and the make-up Saturday 28.
        assertThat(signed.deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-02-28"));
        TestCity.at("2026-02-22T12:00:00+08:00");
        assertThat(Timers.fireDue(CITY.engine())).as("nothing falls due during the holiday").isZero();
        TestCity.at("2026-03-01T00:00:00+08:00");
        Timers.fireDue(CITY.engine());
        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(WarningLevel.RED);
        assertThat(TestCity.count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isEqualTo(2);
    }
}
