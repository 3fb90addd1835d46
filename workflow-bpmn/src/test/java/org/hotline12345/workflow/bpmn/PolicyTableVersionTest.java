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
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst's new version of a policy table applies from the next step on, although the library keeps the answers
 * of the version it replaces and the latest version it looked up; deployed on another node of a cluster, within
 * seconds.
 */
class PolicyTableVersionTest {

    @RegisterExtension
    static final CityEngine CITY = new CityEngine();

    @Test
    void aNewDeadlinePolicyVersionSetsTheNextCasesDeadlines() throws IOException {
        // Thursday 26 November: a complaint has 5 working days, Friday 27 November to Thursday 3 December.
        assertThat(signedFor(CITY.workflow()).deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-03"));

        CITY.engine().processEngine().getRepositoryService().createDeployment().name("complaints get ten days")
                .addString("deadline-policy.dmn", tenWorkingDaysForComplaints()).deploy();

        // Ten working days: Friday 27 November to Thursday 10 December.
        assertThat(signedFor(CITY.workflow()).deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-10"));
    }

    @Test
    void aVersionDeployedOnAnotherNodeAppliesHereWithinSeconds() throws Exception {
        String name = TestCity.nextEngineName();
        TestDatabase database = TestDatabase.create(name);
        com.zaxxer.hikari.HikariDataSource pool = "h2".equals(database.kind()) ? null : database.dataSource();
        try (HotlineWorkflowEngine here = TestCity.engine(name + "-here", database, pool).build();
                HotlineWorkflowEngine there = TestCity.engine(name + "-there", database, pool).build()) {
            assertThat(signedFor(here.workflow()).deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-03"));

            there.processEngine().getRepositoryService().createDeployment().name("complaints get ten days")
                    .addString("deadline-policy.dmn", tenWorkingDaysForComplaints()).deploy();
            // A node uses the latest version it looked up for five seconds at most (docs/operations.md).
            Thread.sleep(5_500);

            assertThat(signedFor(here.workflow()).deadlines().handling()).isEqualTo(TestCity.endOfDay("2026-12-10"));
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static String tenWorkingDaysForComplaints() throws IOException {
        String shipped;
        try (InputStream in = PolicyTableVersionTest.class.getClassLoader()
                .getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + "deadline-policy.dmn")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tenDays = shipped.replaceFirst(
                "(<outputEntry id=\"LiteralExpression_Rule_ComplaintReport_HandlingLimit\">\\s*<text>)\"5 working days\"", "$1\"10 working days\"");
        assertThat(tenDays).isNotEqualTo(shipped);
        return tenDays;
    }

    private static CaseView signedFor(HotlineWorkflow workflow) {
        CaseId id = workflow.intake(operator(), complaint()).caseView().id();
        workflow.dispatch(dispatcher(), id, new DispatchOrder(LIXIA, null));
        return workflow.signFor(leadUnit(), id);
    }
}
