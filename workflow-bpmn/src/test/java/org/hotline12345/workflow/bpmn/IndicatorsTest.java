package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.util.List;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.RankedUnit;
import org.hotline12345.workflow.accountability.Rate;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.merge.MergeOrder;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unit indicators over a fixture of hand-built November cases, each expected value worked out by hand below from
 * the definitions (docs/indicators.md), not by the code under test. Complaints: sign for within 1 working day,
 * reply within 5 working days of sign-for.
 */
class IndicatorsTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final Period NOVEMBER = Period.parse("2026-11");

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }

    /**
     * Lixia: A on time throughout, satisfied and resolved; B signed for late (due 3 Nov, signed 5 Nov) and replied late
     * (due 12 Nov, replied 13 Nov), basically satisfied, not resolved; C returned and the return accepted (so passed on
     * to Shizhong as E); D extended by 3 working days (due 9 Nov, then 12 Nov), replied 11 Nov, unsatisfied and not
     * resolved, so reopened. F is a duplicate merged into A: it has no part of its own. Shizhong: E on time, the
     * citizen unreachable.
     */
    @BeforeAll
    static void novemberFixture() {
        TestCity.at("2026-11-02T09:00:00+08:00");
        CaseId a = TestCity.dispatchedToLixia(workflow());
        CaseId b = TestCity.dispatchedToLixia(workflow());
        CaseId c = TestCity.dispatchedToLixia(workflow());
        CaseId d = TestCity.dispatchedToLixia(workflow());
        CaseId f = workflow().intake(operator(), complaint()).caseView().id();
        workflow().merge(dispatcher(), f, new MergeOrder(a, null));
        workflow().signFor(leadUnit(), a);
        workflow().signFor(leadUnit(), d);
        workflow().requestReturn(leadUnit(), c, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Shizhong's street."));
        workflow().decideReturn(dispatcher(), c, new ReturnDecision(true, null, SHIZHONG));
        workflow().signFor(otherUnit(), c);

        TestCity.at("2026-11-03T10:00:00+08:00");
        closeWith(otherUnit(), c, Satisfaction.UNREACHABLE, null);

        TestCity.at("2026-11-04T10:00:00+08:00");
        closeWith(leadUnit(), a, Satisfaction.SATISFIED, true);
        workflow().callback(operator(), f, new CallbackResult(Satisfaction.SATISFIED, true, null));
        workflow().requestExtension(leadUnit(), d, new ExtensionRequest(3, "Waiting for the owner."));
        workflow().decideExtension(dispatcher(), d, new ExtensionDecision(true, null));

        TestCity.at("2026-11-05T10:00:00+08:00");
        workflow().signFor(leadUnit(), b);

        TestCity.at("2026-11-11T10:00:00+08:00");
        closeWith(leadUnit(), d, Satisfaction.UNSATISFIED, false);

        TestCity.at("2026-11-13T10:00:00+08:00");
        closeWith(leadUnit(), b, Satisfaction.BASICALLY_SATISFIED, false);
    }


    private static void closeWith(org.hotline12345.workflow.access.Actor unit, CaseId id, Satisfaction satisfaction, Boolean resolved) {
        workflow().reply(unit, id, new Reply(ReplyResult.RESOLVED, "Done."));
        workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        workflow().callback(operator(), id, new CallbackResult(satisfaction, resolved, null));
    }

    private static UnitIndicators of(List<UnitIndicators> all, org.hotline12345.workflow.cases.UnitId unit) {
        return all.stream().filter(i -> i.unit().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void lixiaCountsAsWorkedOutByHand() {
        UnitIndicators lixia = CITY.engine().accountability().indicators(supervisor(), NOVEMBER, LIXIA).get(0);

        assertThat(lixia.received()).as("A, B, C, D; F has no part").isEqualTo(4);
        assertThat(lixia.onTimeSignFor()).as("A and D of A, B, D (C's return was accepted)").isEqualTo(new Rate(2, 3));
        assertThat(lixia.onTimeCompletion()).as("A and D (extended) of A, B, D").isEqualTo(new Rate(2, 3));
        assertThat(lixia.returnRate()).as("C of four").isEqualTo(new Rate(1, 4));
        assertThat(lixia.reopenRate()).as("D of the three replied").isEqualTo(new Rate(1, 3));
        assertThat(lixia.satisfaction()).as("A and B (basically) of A, B, D").isEqualTo(new Rate(2, 3));
        assertThat(lixia.resolution()).as("A of A, B, D").isEqualTo(new Rate(1, 3));
        // (20 x 2/3 + 20 x 2/3 + 10 x (1 - 1/4) + 10 x (1 - 1/3) + 20 x 2/3 + 20 x 1/3) / 100 x 100
        assertThat(lixia.composite()).isCloseTo(60.8333, within(0.001));
    }

    @Test
    void shizhongCountsTheCaseItGotAfterTheReturnAndNoRatingOfAnUnreachableCitizen() {
        UnitIndicators shizhong = CITY.engine().accountability().indicators(auditor(), NOVEMBER, SHIZHONG).get(0);

        assertThat(shizhong.received()).isEqualTo(1);
        assertThat(shizhong.onTimeSignFor()).isEqualTo(new Rate(1, 1));
        assertThat(shizhong.onTimeCompletion()).isEqualTo(new Rate(1, 1));
        assertThat(shizhong.returnRate()).isEqualTo(new Rate(0, 1));
        assertThat(shizhong.satisfaction().value()).as("unreachable is not rated").isNull();
        assertThat(shizhong.resolution().value()).isNull();
        // Satisfaction and resolution cannot be counted, so their weights drop out: (20 + 20 + 10 + 10) / 60 x 100.
        assertThat(shizhong.composite()).isCloseTo(100.0, within(0.001));
    }

    @Test
    void theRankingOrdersUnitsByTheirCompositeScore() {
        List<RankedUnit> ranking = CITY.engine().accountability().ranking(supervisor(), NOVEMBER);

        assertThat(ranking).extracting(r -> r.indicators().unit()).containsExactly(SHIZHONG, LIXIA);
        assertThat(ranking).extracting(RankedUnit::rank).containsExactly(1, 2);
        assertThat(CITY.engine().accountability().ranking(supervisor(), Period.parse("2026-10"))).isEmpty();
    }
}
