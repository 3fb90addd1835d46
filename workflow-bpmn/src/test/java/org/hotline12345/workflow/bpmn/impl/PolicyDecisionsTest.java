package org.hotline12345.workflow.bpmn.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.hotline12345.workflow.bpmn.HotlineEnginePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which policy tables' answers are kept per version and inputs, and which are asked every time. */
class PolicyDecisionsTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest
    @ValueSource(strings = {"deadline-policy", "routing", "escalation-policy", "accountability-triggers"})
    void theShippedTablesReadOnlyTheirInputs(String key) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(HotlineEnginePlugin.DIAGRAM_PATH + key + ".dmn")) {
            assertThat(PolicyDecisions.answersDependOnInputsOnly(DMN.parseDecision(key, in))).isTrue();
        }
    }

    @Test
    void aTableThatReadsTheClockOrCallsOutOfFeelIsAskedEveryTime() {
        assertThat(Stream.of(
                table("FEEL", "\"URGENT\"", "if today() &lt; date(\"2027-01-01\") then \"5 working days\" else \"3 working days\""),
                table("FEEL", "\"URGENT\"", "if now () &gt; date and time(\"2027-01-01T00:00:00\") then \"1 working day\" else \"2 working days\""),
                table("juel", "\"URGENT\"", "\"5 working days\"")))
                .allSatisfy(decision -> assertThat(PolicyDecisions.answersDependOnInputsOnly(decision)).isFalse());
        assertThat(PolicyDecisions.answersDependOnInputsOnly(table("FEEL", "\"URGENT\"", "\"5 working days\""))).isTrue();
    }

    private static DmnDecision table(String inputLanguage, String inputEntry, String outputEntry) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Limits" name="limits" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="limits" name="limits">
                    <decisionTable id="DecisionTable_Limits">
                      <input id="Input_Urgency">
                        <inputExpression id="InputExpression_Urgency" typeRef="string" expressionLanguage="%s"><text>urgency</text></inputExpression>
                      </input>
                      <output id="Output_HandlingLimit" name="handlingLimit" typeRef="string" />
                      <rule id="Rule_Urgent">
                        <inputEntry id="UnaryTests_Urgent"><text>%s</text></inputEntry>
                        <outputEntry id="LiteralExpression_Urgent"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(inputLanguage, inputEntry, outputEntry);
        return DMN.parseDecision("limits", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
