package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.leadUnit;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst's new version of a policy table applies from the next step on, although the library keeps the answers
 * of the version it replaces.
 */
class PolicyTableVersionTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    @Test
    void aNewDeadlinePolicyVersionSetsTheNextCasesDeadlines() throws IOException {
        // Thursday 26 November: a complaint has 5 working days, Friday 27 November to Thursday 3 December.
        assertThat(signedFor().deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-03"));

        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + "deadline-policy.dmn")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tenDays = shipped.replaceFirst(
                "(<outputEntry id=\"LiteralExpression_Rule_ComplaintReport_HandlingLimit\">\\s*<text>)\"5 working days\"", "$1\"10 working days\"");
        assertThat(tenDays).isNotEqualTo(shipped);
        CITY.engine().processEngine().getRepositoryService().createDeployment().name("complaints get ten days")
                .addString("deadline-policy.dmn", tenDays).deploy();

        // Ten working days: Friday 27 November to Thursday 10 December.
        assertThat(signedFor().deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-10"));
    }

    private static org.hotline12345.workflow.cases.CaseView signedFor() {
        CaseId id = CITY.workflow().intake(operator(), complaint()).caseView().id();
        CITY.workflow().dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        return CITY.workflow().signFor(leadUnit(), id);
    }
}
