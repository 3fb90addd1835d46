package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.SHIZHONG;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.otherUnit;
import static org.hotline12345.workflow.bpmn.TestCity.supervisor;

import java.time.LocalDate;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnReason;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.dispatch.UnitReturns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Return counts per unit over a period, as the hotline office and the units query them. */
class ReturnCountsTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    private static HotlineWorkflow workflow() {
        return CITY.workflow();
    }


    @Test
    void returnsAndImproperReturnsAreCountedPerUnitWithinThePeriod() {
        CaseId rejected = TestCity.dispatchedToLixia(workflow());
        workflow().requestReturn(leadUnit(), rejected, new ReturnRequest(ReturnReason.NOT_IN_REMIT, "Not ours."));
        workflow().decideReturn(dispatcher(), rejected, new ReturnDecision(false, "It is yours.", null));
        CaseId disputed = TestCity.dispatchedToLixia(workflow());
        workflow().requestReturn(leadUnit(), disputed, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Shizhong's street."));
        workflow().decideReturn(dispatcher(), disputed, new ReturnDecision(true, null, SHIZHONG));
        workflow().requestReturn(otherUnit(), disputed, new ReturnRequest(ReturnReason.OUTSIDE_AREA, "Lixia's street."));
        workflow().arbitrate(dispatcher(), disputed, new Arbitration(SHIZHONG, "Shizhong owns the street."));

        assertThat(workflow().returnsByUnit(supervisor(), THURSDAY, THURSDAY))
                .containsExactly(new UnitReturns(LIXIA, 2, 1), new UnitReturns(SHIZHONG, 1, 1));
        assertThat(workflow().returnsByUnit(supervisor(), THURSDAY.minusDays(7), THURSDAY.minusDays(1))).isEmpty();
        assertThat(workflow().returnsByUnit(leadUnit(), THURSDAY, THURSDAY))
                .as("a unit sees its own counts only").containsExactly(new UnitReturns(LIXIA, 2, 1));
        assertThatThrownBy(() -> workflow().returnsByUnit(supervisor(), THURSDAY, THURSDAY.minusDays(1)))
                .isInstanceOfSatisfying(InvalidCaseException.class,
                        e -> assertThat(e.fields()).extracting(FieldError::field).containsExactly("to"));
    }
}
