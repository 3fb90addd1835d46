package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.workflow.bpmn.TestCity.LIXIA;
import static org.hotline12345.workflow.bpmn.TestCity.auditor;
import static org.hotline12345.workflow.bpmn.TestCity.complaint;
import static org.hotline12345.workflow.bpmn.TestCity.dispatcher;
import static org.hotline12345.workflow.bpmn.TestCity.operator;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention (docs/audit.md): the engine's history of a case is removed by the engine's history cleanup once the
 * time to live has passed since the case's process ended; an open case keeps its history however old; the audit
 * rows are the library's and stay.
 */
class RetentionTest {

    private static final int TIME_TO_LIVE_DAYS = 30;

    @RegisterExtension
    static final CityEngine CITY = new CityEngine(builder -> builder.historyTimeToLiveDays(TIME_TO_LIVE_DAYS));

    @Test
    void historyCleanupRemovesTheEngineHistoryOfCasesEndedLongerAgoThanTheTimeToLiveAndKeepsTheAuditRows() {
        var workflow = CITY.workflow();
        CaseId answeredLongAgo = workflow.intake(operator(), TestCity.request(Category.CONSULTATION, Urgency.NORMAL)).caseView().id();
        workflow.answerDirectly(operator(), answeredLongAgo, new DirectAnswer("Office hours are 9:00-17:00."));
        CaseId stillOpen = workflow.intake(operator(), complaint()).caseView().id();
        workflow.dispatch(dispatcher(), stillOpen, new DispatchOrder(LIXIA, null));

        Instant tenDaysBeforeCleanup = TestCity.THURSDAY_MORNING.plus(Duration.ofDays(TIME_TO_LIVE_DAYS - 9));
        EngineClock.freezeAt(tenDaysBeforeCleanup);
        CaseId answeredRecently = workflow.intake(operator(), TestCity.request(Category.CONSULTATION, Urgency.NORMAL)).caseView().id();
        workflow.answerDirectly(operator(), answeredRecently, new DirectAnswer("Office hours are 9:00-17:00."));
        long auditRows = CITY.engine().auditLog().verify(auditor(), answeredLongAgo).recordsChecked();

        EngineClock.freezeAt(tenDaysBeforeCleanup.plus(Duration.ofDays(10)));
        runHistoryCleanup();

        assertThat(historyOf(answeredLongAgo)).as("ended more than %d days ago", TIME_TO_LIVE_DAYS).isZero();
        assertThat(historyOf(answeredRecently)).as("ended ten days ago").isOne();
        assertThat(historyOf(stillOpen)).as("open, however old").isOne();
        assertThat(CITY.engine().auditLog().verify(auditor(), answeredLongAgo)).satisfies(audit -> {
            assertThat(audit.ok()).isTrue();
            assertThat(audit.recordsChecked()).isEqualTo(auditRows).isPositive();
        });
    }

    private static long historyOf(CaseId id) {
        return CITY.engine().processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id.value()).processDefinitionKey("hotline-case").count();
    }

    private static void runHistoryCleanup() {
        HistoryService history = CITY.engine().processEngine().getHistoryService();
        ManagementService management = CITY.engine().processEngine().getManagementService();
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());
    }
}
