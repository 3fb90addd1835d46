package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.IntakeReceipt;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.tasks.TaskView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the API promises around the lifecycle: validation, states, access, races, idempotency, queries. */
class CaseApiRulesTest {

    /** Holds the next thread that asks for the time until the test lets it go: a window for a race. */
    private static final class GateClock extends Clock {
        private final Clock delegate = new EngineClock(ZoneId.of("Asia/Shanghai"));
        private final AtomicReference<Gate> gate = new AtomicReference<>();

        /** A closed gate: {@code reached} when a thread waits at it, open once {@code release} counts down. */
        record Gate(CountDownLatch reached, CountDownLatch release) {
        }

        Gate close() {
            Gate closed = new Gate(new CountDownLatch(1), new CountDownLatch(1));
            gate.set(closed);
            return closed;
        }

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            Gate closed = gate.getAndSet(null);
            if (closed != null) {
                closed.reached().countDown();
                try {
                    closed.release().await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.instant();
        }
    }

    private static final GateClock CLOCK = new GateClock();
    @RegisterExtension
    static final CityEngine CITY = new CityEngine(builder -> builder.clock(CLOCK));

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /** A sign-for that holds the case: inside the engine, starting the handling clock, until the gate opens. */
    private static Future<CaseView> signForHoldingTheCase(ExecutorService pool, CaseId id, GateClock.Gate gate)
            throws InterruptedException {
        Future<CaseView> signFor = pool.submit(() -> workflow().signFor(leadUnit(), id));
        assertThat(gate.reached().await(10, TimeUnit.SECONDS)).as("the sign-for holds the case").isTrue();
        return signFor;
    }

    private static long caseCount() {
        return workflow().cases(auditor(), CaseQuery.all()).total();
    }

    private static long processCount() {
        return CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery().count();
    }


    @Test
    void invalidIntakeListsEveryFieldAndWritesNothing() {
        long cases = caseCount();
        long processes = processCount();
        IntakeRequest bad = new IntakeRequest(null, Channel.PHONE, null, null, "", "x".repeat(5000),
                new Caller("王五", "phone?", false, false), null);

        assertThatThrownBy(() -> workflow().intake(operator(), bad))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields())
                        .extracting(FieldError::field)
                        .containsExactly("category", "subject", "description", "caller.phone"));
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(processCount()).isEqualTo(processes);
    }

    @Test
    void aReturnNeedsAReasonFromTheListAndTheParticulars() {
        CaseId id = TestCity.dispatchedToLixia(workflow());

        assertThatThrownBy(() -> workflow().requestReturn(leadUnit(), id, new ReturnRequest(null, " ")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields())
                        .extracting(FieldError::field).containsExactly("reasonCode", "reason"));
        CaseView unchanged = workflow().caseView(operator(), id);
        assertThat(unchanged.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(unchanged.returns()).isZero();
    }

    @Test
    void dispatchToAnUnknownUnitIsRejectedByName() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();

        assertThatThrownBy(() -> workflow().dispatch(dispatcher(), id, new DispatchOrder(UnitId.of("atlantis"), null)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields())
                        .containsExactly(new FieldError("leadUnit", "unknown unit 'atlantis'")));
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    void replyBeforeSignForIsAnIllegalStateNamingTheCurrentStatus() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        CaseView before = workflow().caseView(operator(), id);

        assertThatThrownBy(() -> workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "done")))
                .isInstanceOfSatisfying(IllegalCaseStateException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(CaseStatus.DISPATCHED);
                    assertThat(e).hasMessageContaining("IN_PROGRESS").hasMessageContaining("DISPATCHED");
                });
        CaseView after = workflow().caseView(operator(), id);
        assertThat(after.version()).as("nothing written, not even the lock").isEqualTo(before.version());
        assertThat(after.replyResult()).isNull();
    }

    @Test
    void anotherUnitMayNeitherActOnNorSeeTheCase() {
        CaseId id = TestCity.dispatchedToLixia(workflow());

        assertThatThrownBy(() -> workflow().signFor(otherUnit(), id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().caseView(otherUnit(), id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().cases(otherUnit(), CaseQuery.all().withUnit(LIXIA)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(workflow().cases(otherUnit(), CaseQuery.all()).items()).extracting(CaseView::id).doesNotContain(id);
        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void unitsCannotDispatchAndTheHotlineOfficeCannotSignFor() {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        assertThatThrownBy(() -> workflow().dispatch(leadUnit(), id, new DispatchOrder(LIXIA, null)))
                .isInstanceOf(NotAuthorizedException.class);
        workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        assertThatThrownBy(() -> workflow().signFor(dispatcher(), id)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> workflow().intake(leadUnit(), complaint())).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void callerContactIsMaskedForReadersWithoutTheRight() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        assertThat(workflow().caseView(operator(), id).caller().phone()).isEqualTo("13812345678");
        assertThat(workflow().caseView(leadUnit(), id).caller().phone()).as("the unit must call the citizen").isEqualTo("13812345678");
        assertThat(workflow().caseView(dispatcher(), id).caller().phone()).isEqualTo("138****5678");
        assertThat(workflow().caseView(auditor(), id).caller().name()).isEqualTo("张*");

        IntakeRequest whistleBlower = new IntakeRequest(null, Channel.PHONE, Category.REPORT, null, "Illegal dumping", null,
                new Caller("李四", "13900001111", false, true), null);
        CaseId confidential = workflow().intake(operator(), whistleBlower).caseView().id();
        workflow().dispatch(dispatcher(), confidential, new DispatchOrder(LIXIA, null));
        assertThat(workflow().caseView(leadUnit(), confidential).caller().phone()).isEqualTo("139****1111");
    }

    @Test
    void aDeadlineInAYearWithoutCalendarDataIsRefusedAndNothingIsWritten() {
        EngineClock.freezeAt(java.time.OffsetDateTime.parse("2026-12-29T10:00:00+08:00").toInstant());
        CaseId id = TestCity.dispatchedToLixia(workflow());
        CaseView before = workflow().caseView(operator(), id);

        // Five working days from 29 December reach into 2027, whose holidays are not published yet.
        assertThatThrownBy(() -> workflow().signFor(leadUnit(), id))
                .isInstanceOf(org.hotline12345.workflow.calendar.MissingCalendarYearException.class)
                .hasMessageContaining("2027");
        CaseView after = workflow().caseView(operator(), id);
        assertThat(after.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.deadlines().handling()).isNull();
    }

    @Test
    void unknownCasesAndTasksAreNotFound() {
        assertThatThrownBy(() -> workflow().signFor(leadUnit(), CaseId.of("no-such-case"))).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> workflow().caseView(operator(), CaseId.of("no-such-case"))).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> workflow().completeTask(operator(), "no-such-task", Map.of())).isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void twoHandlersSigningAtOnceGiveOneWinnerAndOneConflict() throws Exception {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            GateClock.Gate gate = CLOCK.close();
            // The first holds the case ...
            Future<CaseView> first = signForHoldingTheCase(pool, id, gate);
            // ... while the second arrives and is refused at once: the case is held.
            Future<CaseView> second = pool.submit(() -> workflow().signFor(TestCity.leadUnit(), id));
            Thread.sleep(500);
            gate.release().countDown();

            List<Object> outcomes = new ArrayList<>();
            for (Future<CaseView> future : List.of(first, second)) {
                try {
                    outcomes.add(future.get(20, TimeUnit.SECONDS).status());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause().getClass());
                }
            }
            assertThat(outcomes).containsExactly(CaseStatus.IN_PROGRESS, CaseConflictException.class);
        } finally {
            pool.shutdownNow();
        }
        CaseView after = workflow().caseView(operator(), id);
        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type().name().equals("CASE_SIGNED_FOR")).hasSize(1);
        assertThat(CITY.engine().processEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(id.value()).count())
                .isEqualTo(1);
    }

    @Test
    void intakesAtTheSameMomentAllSucceedWithConsecutiveNumbers() throws Exception {
        // Intakes of different cases share only the day's number sequence: none may be refused because of another.
        int intakes = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> sequences = new ArrayList<>();
        try {
            List<Future<CaseView>> taken = new ArrayList<>();
            for (int i = 0; i < intakes; i++) {
                taken.add(pool.submit(() -> workflow().intake(operator(), complaint()).caseView()));
            }
            for (Future<CaseView> intake : taken) {
                String number = intake.get(60, TimeUnit.SECONDS).number().value();
                sequences.add(Long.parseLong(number.substring(number.length() - 5)));
            }
        } finally {
            pool.shutdownNow();
        }
        long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(sequences).as("one number each, with no gaps").containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(first, first + intakes).boxed().toList());
    }

    @Test
    void aCardWhoseTimerFiresWhileACallHoldsTheCaseWaitsForItAndTheCallWins() throws Exception {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        var engine = CITY.engine().processEngine();
        String yellowCard = signForYellowCard(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            GateClock.Gate gate = CLOCK.close();
            Future<CaseView> signFor = signForHoldingTheCase(pool, id, gate);
            // The card's job has no caller to retry it: it waits for the case instead of failing on it.
            Future<?> card = pool.submit(() -> engine.getManagementService().executeJob(yellowCard));
            Thread.sleep(500);
            assertThat(card).as("the card waits while the sign-for holds the case").isNotDone();
            gate.release().countDown();

            assertThat(signFor.get(20, TimeUnit.SECONDS).status()).isEqualTo(CaseStatus.IN_PROGRESS);
            // Signing for ended the sign-for clock, whose timer the waiting job was: it is refused, not carded late.
            assertThatThrownBy(() -> card.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    org.camunda.bpm.engine.OptimisticLockingException.class);
        } finally {
            pool.shutdownNow();
        }
        CaseView after = workflow().caseView(operator(), id);
        assertThat(after.warning()).isEqualTo(org.hotline12345.workflow.cases.WarningLevel.NONE);
        assertThat(workflow().timeline(operator(), id)).noneMatch(e -> e.type().name().equals("YELLOW_CARD_ISSUED"));
    }

    @Test
    void aCardWhoseClockEndedAfterItsJobWasAcquiredIsRefusedAsAConflict() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        var engine = CITY.engine().processEngine();
        String yellowCard = signForYellowCard(id);
        // What the job reads after a step that ended the unit's part committed under it: no deadline for its clock.
        engine.getRuntimeService().removeVariable(unitPart(id), "signForDue");

        assertThatThrownBy(() -> engine.getManagementService().executeJob(yellowCard))
                .isInstanceOf(org.camunda.bpm.engine.OptimisticLockingException.class).hasMessageContaining("SIGN_FOR clock");

        assertThat(workflow().caseView(operator(), id).warning()).isEqualTo(org.hotline12345.workflow.cases.WarningLevel.NONE);
        assertThat(workflow().timeline(operator(), id)).noneMatch(e -> e.type().name().equals("YELLOW_CARD_ISSUED"));
    }

    private static String unitPart(CaseId id) {
        return CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value())
                .processDefinitionKey("unit-handling").singleResult().getId();
    }

    /** The job of the case's yellow card for its sign-for clock. */
    private static String signForYellowCard(CaseId id) {
        return CITY.engine().processEngine().getManagementService().createJobQuery().processInstanceId(unitPart(id))
                .activityId("BoundaryEvent_SignForYellowCard").singleResult().getId();
    }

    @Test
    void intakeWithAKnownExternalIdReturnsTheSameCase() {
        IntakeReceipt first = workflow().intake(operator(), complaint("web-form-4711"));
        var runtime = CITY.engine().processEngine().getRuntimeService();
        long instances = runtime.createProcessInstanceQuery().count();
        IntakeReceipt again = workflow().intake(operator(), complaint("web-form-4711"));

        // The second intake's own case and process were rolled back when the index refused its row.
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.caseView().id()).isEqualTo(first.caseView().id());
        assertThat(workflow().cases(auditor(), CaseQuery.all().withNumber(first.caseView().number().value())).total()).isEqualTo(1);
        CaseView next = workflow().intake(operator(), complaint()).caseView();
        assertThat(Long.parseLong(next.number().value().substring(10))).as("the refused intake's number was rolled back with it")
                .isEqualTo(Long.parseLong(first.caseView().number().value().substring(10)) + 1);
    }

    @Test
    void caseNumbersFollowTheDayAndIncrease() {
        CaseView a = workflow().intake(operator(), complaint()).caseView();
        CaseView b = workflow().intake(operator(), complaint()).caseView();
        assertThat(a.number().value()).startsWith("RX20261126");
        assertThat(b.number()).isGreaterThan(a.number());
        assertThat(Long.parseLong(b.number().value().substring(10))).as("the next number of the day")
                .isEqualTo(Long.parseLong(a.number().value().substring(10)) + 1);

        EngineClock.freezeAt(Instant.parse("2026-11-26T16:30:00Z"));
        assertThat(workflow().intake(operator(), complaint()).caseView().number().value())
                .as("00:30 in Jinan is already the 27th").isEqualTo("RX2026112700001");
    }

    @Test
    void casesAreQueriedByUnitStatusAndPage() {
        CaseId a = TestCity.dispatchedToLixia(workflow());
        CaseId b = TestCity.dispatchedToLixia(workflow());
        workflow().signFor(leadUnit(), b);

        var dispatched = workflow().cases(dispatcher(), CaseQuery.all().withUnit(LIXIA).withStatus(CaseStatus.DISPATCHED).withPage(0, 200));
        assertThat(dispatched.items()).extracting(CaseView::id).contains(a).doesNotContain(b);
        var firstPage = workflow().cases(leadUnit(), CaseQuery.all().withPage(0, 1));
        assertThat(firstPage.items()).hasSize(1);
        assertThat(firstPage.total()).isGreaterThanOrEqualTo(2);
        assertThat(firstPage.items()).allSatisfy(c -> assertThat(c.leadUnit()).isEqualTo(LIXIA));
    }

    @Test
    void worklistsShowEachSideItsOwnTasks() {
        CaseId id = TestCity.dispatchedToLixia(workflow());

        assertThat(workflow().openTasks(leadUnit())).filteredOn(t -> t.caseId().equals(id))
                .singleElement().satisfies(task -> {
                    assertThat(task.step()).isEqualTo(Step.SIGN_FOR);
                    assertThat(task.taskKey()).isEqualTo("UserTask_SignFor");
                    assertThat(task.due()).isEqualTo(workflow().caseView(operator(), id).deadlines().signFor());
                });
        assertThat(workflow().openTasks(otherUnit())).extracting(TaskView::caseId).doesNotContain(id);
        assertThat(workflow().openTasks(dispatcher())).extracting(TaskView::caseId).doesNotContain(id);
        assertThat(workflow().openTasks(TestCity.auditor())).isEmpty();
    }

    @Test
    void standardStepsCannotBeCompletedThroughTheGenericTaskApi() {
        CaseId id = TestCity.dispatchedToLixia(workflow());
        TaskView signFor = workflow().openTasks(leadUnit()).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();

        assertThatThrownBy(() -> workflow().completeTask(leadUnit(), signFor.id(), Map.of()))
                .isInstanceOf(IllegalCaseStateException.class)
                .hasMessageContaining("sign for operation");
        assertThatThrownBy(() -> workflow().completeTask(leadUnit(), signFor.id(), Map.of("leadUnit", "shizhong")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields())
                        .extracting(FieldError::field).containsExactly("variables.leadUnit"));
        assertThat(workflow().caseView(operator(), id).leadUnit()).isEqualTo(LIXIA);
        assertThat(SHIZHONG).isNotEqualTo(LIXIA);
    }
}
