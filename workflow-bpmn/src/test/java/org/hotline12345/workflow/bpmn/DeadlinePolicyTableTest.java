package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** deadline-policy.dmn, row by row, against the defaults of domain.md. */
class DeadlinePolicyTableTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = DeadlinePolicyTableTest.class.getClassLoader()
                .getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + "deadline-policy.dmn")) {
            decision = dmn.parseDecision(StandardTask.DEADLINE_POLICY_DECISION, in);
        }
    }

    private static Map<String, Object> row(Category category, Urgency urgency) {
        DmnDecisionResult result = dmn.evaluateDecision(decision,
                Map.of("category", category.name(), "urgency", urgency.name()));
        assertThat(result).as("%s/%s", category, urgency).hasSize(1);
        return result.getSingleResult().getEntryMap();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(Category.CONSULTATION, Urgency.NORMAL, "1 working day", "3 working days", "3 working days", "1 working day"),
                Arguments.of(Category.COMPLAINT, Urgency.NORMAL, "1 working day", "5 working days", "3 working days", "1 working day"),
                Arguments.of(Category.REPORT, Urgency.NORMAL, "1 working day", "5 working days", "3 working days", "1 working day"),
                Arguments.of(Category.HELP, Urgency.NORMAL, "1 working day", "5 working days", "3 working days", "1 working day"),
                Arguments.of(Category.SUGGESTION, Urgency.NORMAL, "1 working day", "5 working days", "3 working days", "1 working day"),
                Arguments.of(Category.PRAISE, Urgency.NORMAL, "1 working day", "5 working days", "3 working days", "1 working day"),
                Arguments.of(Category.COMPLAINT, Urgency.URGENT, "2 hours", "24 hours", "24 hours", "4 hours"),
                Arguments.of(Category.HELP, Urgency.EMERGENCY, "30 minutes", "2 hours", "2 hours", "30 minutes"));
    }

    @ParameterizedTest(name = "{0} {1}: sign for {2}, handle {3}, rework {4}, yellow card {5} ahead")
    @MethodSource("rows")
    void limitsFollowTheDomainDefaults(Category category, Urgency urgency, String signFor, String handling, String rework,
            String yellowCardLead) {
        Map<String, Object> row = row(category, urgency);
        assertThat(row).containsEntry("signForLimit", signFor)
                .containsEntry("yellowCardLead", yellowCardLead)
                .containsEntry("handlingLimit", handling)
                .containsEntry("reworkLimit", rework)
                .containsEntry("callbackLimit", "1 working day")
                .containsEntry("reopenLimit", 2);
    }

    @Test
    void extensionsAreCappedAtTenWorkingDaysAndNeverForEmergencies() {
        assertThat(row(Category.COMPLAINT, Urgency.NORMAL)).containsEntry("extensionCap", "10 working days")
                .containsEntry("extensionDecisionLimit", "1 working day");
        assertThat(row(Category.HELP, Urgency.URGENT)).containsEntry("extensionCap", "1 working day");
        assertThat(row(Category.HELP, Urgency.EMERGENCY)).containsEntry("extensionCap", "0 working days");
    }

    @Test
    void everyCategoryAndUrgencyHasExactlyOneRow() {
        for (Category category : Category.values()) {
            for (Urgency urgency : Urgency.values()) {
                Map<String, Object> row = row(category, urgency);
                assertThat(row.keySet()).containsExactlyInAnyOrder("signForLimit", "handlingLimit", "reworkLimit",
                        "callbackLimit", "yellowCardLead", "extensionCap", "extensionDecisionLimit", "suspensionNeedsApproval", "reopenLimit",
                        "returnWindow", "assistingLimit", "transferNeedsApproval");
                row.values().stream().filter(String.class::isInstance).map(String.class::cast)
                        .forEach(limit -> org.hotline12345.workflow.deadline.TimeLimit.parse(limit));
            }
        }
    }
}
