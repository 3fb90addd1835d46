package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.HUAIYIN;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.QUANCHENG_STREET;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.URBAN_MANAGEMENT;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.count;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.AccountabilityReview;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.accountability.IllegalReviewStateException;
import org.hotline12345.workflow.accountability.ManualFact;
import org.hotline12345.workflow.accountability.OutcomeDecision;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.ReviewOutcome;
import org.hotline12345.workflow.accountability.ReviewStage;
import org.hotline12345.workflow.accountability.SpotCheckDraw;
import org.hotline12345.workflow.accountability.SpotCheckRequest;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accountability (问责) on accountability-review.bpmn and spot-check.bpmn with the shipped accountability-triggers table:
 * each trigger path, the review's steps and outcomes, the missed statement, spot checks. Each test works on its own
 * unit, since a unit has at most one open review.
 */
class AccountabilityTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final Period NOVEMBER = Period.parse("2026-11");
    private static final UnitId CITY_GOVERNMENT = UnitId.of("jinan");

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    private static Accountability accountability() {
        return CITY.engine().accountability();
    }

    private static CaseId signedForBy(UnitId unit) {
        CaseId id = workflow().intake(operator(), complaint()).caseView().id();
        workflow().dispatch(dispatcher(), id, new DispatchOrder(unit, null));
        workflow().signFor(Actor.unitHandler(unit.value(), unit), id);
        return id;
    }

    private static AccountabilityReview onlyReviewOf(UnitId unit) {
        List<AccountabilityReview> reviews = accountability().reviews(supervisor(), unit, NOVEMBER);
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    @Test
    void aSecondImproperReturnInAMonthOpensAReviewWithBothFacts() {
        for (int i = 0; i < 2; i++) {
            CaseId id = workflow().intake(operator(), complaint()).caseView().id();
            workflow().dispatch(dispatcher(), id, new DispatchOrder(SHIZHONG, null));
            workflow().requestReturn(otherUnit(), id, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours."));
            workflow().decideReturn(dispatcher(), id, new ReturnDecision(false, "It is yours.", null));
            if (i == 0) {
                assertThat(accountability().reviews(supervisor(), SHIZHONG, NOVEMBER)).as("one improper return: on record only").isEmpty();
            }
        }

        AccountabilityReview review = onlyReviewOf(SHIZHONG);
        assertThat(review.stage()).isEqualTo(ReviewStage.INVESTIGATING);
        assertThat(review.severity()).isEqualTo("MEDIUM");
        assertThat(review.facts()).extracting(AccountabilityFact::kind).containsExactly(FactKind.IMPROPER_RETURN, FactKind.IMPROPER_RETURN);
        assertThat(accountability().reviews(otherUnit(), null, null)).as("the unit reads its own review").hasSize(1);
        assertThat(accountability().reviews(leadUnit(), null, null)).as("and no other unit's")
                .noneMatch(other -> other.unit().equals(SHIZHONG));
    }

    @Test
    void aReviewGoesThroughInvestigationStatementAndEachOutcome() {
        CaseId id = signedForBy(LIXIA);
        for (ReviewOutcome outcome : ReviewOutcome.values()) {
            AccountabilityFact fact = accountability().fileFact(supervisor(), new ManualFact(id, LIXIA, "Rude to the citizen on the phone."));
            String reviewId = fact.reviewId();
            assertThat(reviewId).as("a manual fact is always reviewed").isNotNull();
            assertThatThrownBy(() -> accountability().decide(supervisor(), reviewId, new OutcomeDecision(outcome, "Too early.")))
                    .isInstanceOf(IllegalReviewStateException.class);

            AccountabilityReview investigated = accountability().recordFindings(supervisor(), reviewId, "Recording confirms it.");
            assertThat(investigated.stage()).isEqualTo(ReviewStage.AWAITING_STATEMENT);
            // Thursday 26 November plus the manual row's 3 working days.
            assertThat(investigated.statementDue()).isEqualTo(TestCity.endOfDay("2026-12-01"));
            assertThatThrownBy(() -> accountability().submitStatement(otherUnit(), reviewId, "Not us."))
                    .isInstanceOf(NotAuthorizedException.class);
            accountability().submitStatement(leadUnit(), reviewId, "The handler was new; retrained.");

            AccountabilityReview decided = accountability().decide(supervisor(), reviewId, new OutcomeDecision(outcome, "Weighed."));
            assertThat(decided.stage()).isEqualTo(ReviewStage.DECIDED);
            assertThat(decided.outcome()).isEqualTo(outcome);
            assertThat(decided.decidedBy()).isEqualTo("supervisor");
            assertThat(decided.statementBy()).isEqualTo("lixia");
        }
        assertThat(workflow().timeline(operator(), id)).filteredOn(e -> e.type() == CaseEventType.ACCOUNTABILITY_REVIEW_DECIDED)
                .as("the outcome is on the case's record").hasSize(ReviewOutcome.values().length)
                .allSatisfy(entry -> assertThat(entry.detail()).contains("reasoning: Weighed.").contains("statement by lixia"));
    }

    @Test
    void aMissedStatementIsItselfAFactAndTheReviewGoesOnWithoutIt() {
        Actor huaiyin = Actor.unitHandler("huaiyin", HUAIYIN);
        CaseId id = signedForBy(HUAIYIN);
        String reviewId = accountability().fileFact(supervisor(), new ManualFact(id, HUAIYIN, "Ignored three calls.")).reviewId();
        accountability().recordFindings(supervisor(), reviewId, "Call logs confirm it.");

        TestCity.at("2026-12-01T00:00:00+08:00");
        fireReviewTimers(reviewId);
        assertThat(count(workflow(), id, CaseEventType.YELLOW_CARD_ISSUED)).isOne();
        TestCity.at("2026-12-02T00:00:00+08:00");
        fireReviewTimers(reviewId);

        AccountabilityReview review = accountability().review(supervisor(), reviewId);
        assertThat(review.statementMissed()).isTrue();
        assertThat(review.stage()).isEqualTo(ReviewStage.DECIDING);
        assertThat(review.facts()).extracting(AccountabilityFact::kind).containsExactly(FactKind.MANUAL, FactKind.STATEMENT_MISSED);
        assertThatThrownBy(() -> accountability().submitStatement(huaiyin, reviewId, "Late."))
                .isInstanceOf(IllegalReviewStateException.class);
        assertThat(accountability().decide(supervisor(), reviewId, new OutcomeDecision(ReviewOutcome.INTERVIEW, "Silent twice."))
                .outcome()).isEqualTo(ReviewOutcome.INTERVIEW);
    }

    @Test
    void stillUnsatisfiedAfterTheReopenLimitOpensAReview() {
        Actor urban = Actor.unitHandler("urban", URBAN_MANAGEMENT);
        CaseId id = signedForBy(URBAN_MANAGEMENT);
        for (int round = 0; round < 3; round++) {
            workflow().reply(urban, id, new Reply(ReplyResult.RESOLVED, "Done."));
            workflow().review(dispatcher(), id, new ReviewDecision(true, null));
            workflow().callback(operator(), id, new CallbackResult(Satisfaction.UNSATISFIED, false, "Still noisy."));
        }

        assertThat(workflow().caseView(operator(), id).status()).isEqualTo(CaseStatus.REOPEN_LIMIT_REACHED);
        assertThat(onlyReviewOf(URBAN_MANAGEMENT).facts()).extracting(AccountabilityFact::kind)
                .containsExactly(FactKind.REOPEN_LIMIT_EXCEEDED);
    }

    @Test
    void theThirdExtensionInAMonthIsFrequentAndOpensALowReview() {
        Actor street = Actor.unitHandler("quancheng", QUANCHENG_STREET);
        for (int i = 1; i <= 4; i++) {
            CaseId id = signedForBy(QUANCHENG_STREET);
            workflow().requestExtension(street, id, new ExtensionRequest(2, "Waiting for the owner."));
            workflow().decideExtension(dispatcher(), id, new ExtensionDecision(true, null));
            if (i < 3) {
                assertThat(accountability().reviews(supervisor(), QUANCHENG_STREET, NOVEMBER)).isEmpty();
            }
        }

        AccountabilityReview review = onlyReviewOf(QUANCHENG_STREET);
        assertThat(review.severity()).isEqualTo("LOW");
        assertThat(review.facts()).as("recorded once, when the count reached the table's row")
                .extracting(AccountabilityFact::kind).containsExactly(FactKind.FREQUENT_EXTENSIONS);
    }

    @Test
    void aSpotCheckIsReproducibleAndAContradictedReplyIsAFalseClosure() {
        List<CaseId> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CaseId id = workflow().intake(operator(), complaint()).caseView().id();
            workflow().dispatch(dispatcher(), id, new DispatchOrder(CITY_GOVERNMENT, null));
            Actor handler = Actor.unitHandler("jinan", CITY_GOVERNMENT);
            workflow().signFor(handler, id);
            workflow().reply(handler, id, new Reply(ReplyResult.RESOLVED, "Fixed."));
            workflow().review(dispatcher(), id, new ReviewDecision(true, null));
            workflow().callback(operator(), id, new CallbackResult(Satisfaction.SATISFIED, true, null));
            closed.add(id);
        }
        SpotCheckRequest request = new SpotCheckRequest(NOVEMBER, 0.5, 42L);

        SpotCheckDraw first = accountability().drawSpotCheck(supervisor(), request);
        SpotCheckDraw again = accountability().drawSpotCheck(supervisor(), request);

        List<CaseId> sampled = first.samples().stream().filter(s -> s.unit().equals(CITY_GOVERNMENT)).map(SpotCheckDraw.Sample::caseId).toList();
        assertThat(sampled).hasSize(2).isSubsetOf(closed);
        assertThat(again.samples().stream().filter(s -> s.unit().equals(CITY_GOVERNMENT)).map(SpotCheckDraw.Sample::caseId))
                .as("the same seed draws the same cases").containsExactlyElementsOf(sampled);
        assertThat(count(workflow(), sampled.get(0), CaseEventType.SPOT_CHECK_DRAWN)).isEqualTo(2);

        SpotCheckDraw.Sample contradicted = first.samples().stream().filter(s -> s.caseId().equals(sampled.get(0))).findFirst().orElseThrow();
        SpotCheckDraw.Sample confirmed = first.samples().stream().filter(s -> s.caseId().equals(sampled.get(1))).findFirst().orElseThrow();
        assertThatThrownBy(() -> workflow().completeTask(supervisor(), contradicted.taskId(), Map.of("spotCheckNote", "?")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("variables.spotCheckResolved"));
        workflow().completeTask(supervisor(), confirmed.taskId(), Map.of("spotCheckResolved", true, "spotCheckSatisfaction", "SATISFIED"));
        workflow().completeTask(supervisor(), contradicted.taskId(), Map.of("spotCheckResolved", false,
                "spotCheckSatisfaction", "UNSATISFIED", "spotCheckNote", "The pothole is still there."));

        AccountabilityReview review = onlyReviewOf(CITY_GOVERNMENT);
        assertThat(review.severity()).isEqualTo("HIGH");
        assertThat(review.facts()).singleElement().satisfies(fact -> {
            assertThat(fact.kind()).isEqualTo(FactKind.FALSE_CLOSURE);
            assertThat(fact.caseId()).isEqualTo(contradicted.caseId());
        });
        assertThat(count(workflow(), confirmed.caseId(), CaseEventType.ACCOUNTABILITY_FACT_RECORDED)).isZero();
    }

    @Test
    void supervisorsWriteAuditorsReadAndBadInputNamesItsField() {
        CaseId id = signedForBy(LIXIA);

        assertThatThrownBy(() -> accountability().fileFact(auditor(), new ManualFact(id, LIXIA, "x")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> accountability().fileFact(dispatcher(), new ManualFact(id, LIXIA, "x")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> accountability().fileFact(supervisor(), new ManualFact(id, SHIZHONG, "x")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("unit"));
        assertThatThrownBy(() -> accountability().fileFact(supervisor(), new ManualFact(id, LIXIA, " ")))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("reason"));
        assertThatThrownBy(() -> accountability().drawSpotCheck(supervisor(), new SpotCheckRequest(NOVEMBER, 1.5, 1L)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.fields()).extracting(FieldError::field)
                        .containsExactly("share"));
        assertThat(accountability().reviews(auditor(), null, NOVEMBER)).isNotNull();
        assertThat(accountability().indicators(auditor(), NOVEMBER, LIXIA)).hasSize(1);
        assertThatThrownBy(() -> accountability().indicators(leadUnit(), NOVEMBER, LIXIA)).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void twoReviewsOfOneUnitOpeningAtOnceConflictAndTheLoserWritesNothing() throws Exception {
        CaseId id = signedForBy(LIXIA);
        javax.sql.DataSource dataSource = CITY.engine().processEngine().getProcessEngineConfiguration().getDataSource();
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            // Another transaction's review of Lixia, opened at the same moment: its row holds the unit, though this
            // transaction does not see it as open yet.
            statement.executeUpdate("INSERT INTO hw_accountability_review (id, unit, open_unit, stage, opened_at, statement_limit, "
                    + "statement_missed) VALUES ('concurrent', 'lixia', 'lixia', 'DECIDED', CURRENT_TIMESTAMP, '3 working days', FALSE)");
        }
        try {
            long facts = count(workflow(), id, CaseEventType.ACCOUNTABILITY_FACT_RECORDED);

            assertThatThrownBy(() -> accountability().fileFact(supervisor(), new ManualFact(id, LIXIA, "Rude on the phone.")))
                    .isInstanceOf(org.hotline12345.workflow.CaseConflictException.class).hasMessageContaining("retry");
            assertThat(count(workflow(), id, CaseEventType.ACCOUNTABILITY_FACT_RECORDED)).as("nothing half written").isEqualTo(facts);
        } finally {
            try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM hw_accountability_review WHERE id = 'concurrent'");
            }
        }
    }

    /** Runs the review's own due timers, leaving the other tests' cases alone. */
    private static void fireReviewTimers(String reviewId) {
        ManagementService management = CITY.engine().processEngine().getManagementService();
        String instance = CITY.engine().processEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reviewId).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).executable().list().forEach(job -> management.executeJob(job.getId()));
    }
}
