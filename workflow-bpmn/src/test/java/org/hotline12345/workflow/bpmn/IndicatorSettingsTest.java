package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.util.Map;
import org.hotline12345.workflow.accountability.Indicator;
import org.hotline12345.workflow.accountability.IndicatorSettings;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.Rate;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReviewDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A city that does not count 基本满意 as satisfied and ranks on satisfaction alone, set on the engine builder. */
class IndicatorSettingsTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine(builder -> builder.indicatorSettings(
            new IndicatorSettings(false, Map.of(Indicator.SATISFACTION, 1.0))));

    @Test
    void basicallySatisfiedIsNotSatisfiedWhenTheSettingsSaySoAndTheCompositeFollowsTheWeights() {
        closedWith(Satisfaction.SATISFIED);
        closedWith(Satisfaction.BASICALLY_SATISFIED);

        UnitIndicators lixia = CITY.engine().accountability().indicators(supervisor(), Period.parse("2026-11"), LIXIA).get(0);

        assertThat(lixia.satisfaction()).isEqualTo(new Rate(1, 2));
        assertThat(lixia.composite()).as("satisfaction is the only weighted rate").isEqualTo(50.0);
    }

    private static void closedWith(Satisfaction satisfaction) {
        CaseId id = CITY.workflow().intake(operator(), complaint()).caseView().id();
        CITY.workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        CITY.workflow().signFor(leadUnit(), id);
        CITY.workflow().reply(leadUnit(), id, new Reply(ReplyResult.RESOLVED, "Done."));
        CITY.workflow().review(dispatcher(), id, new ReviewDecision(true, null));
        CITY.workflow().callback(operator(), id, new CallbackResult(satisfaction, true, null));
    }
}
