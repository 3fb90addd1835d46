package org.hotline12345.workflow.bpmn.impl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Urgency;

/**
 * Reads the analysts' {@code routing} decision table: the unit a new case is suggested to, the units suggested to assist
 * it, and whether it goes at once.
 */
final class RoutingTable {

    static final String DECISION = "routing";

    /**
     * A row's answer; {@code leadUnit} and {@code assistingUnits} are the raw unit ids the table gives, not yet checked
     * against the directory.
     */
    record Suggestion(String leadUnit, boolean autoDispatch, List<String> assistingUnits) {
    }

    Optional<Suggestion> suggest(Category category, String areaCode, Urgency urgency) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CATEGORY, category.name());
        variables.put("areaCode", areaCode == null ? "" : areaCode);
        variables.put(ProcessVariables.URGENCY, urgency.name());
        DmnDecisionResult result = PolicyDecisions.evaluate(DECISION, variables);
        if (result.isEmpty() || result.getFirstResult().getEntry("leadUnit") == null) {
            return Optional.empty();
        }
        // The assisting-units column is optional: a table without it suggests none.
        Object assisting = result.getFirstResult().get("assistingUnits");
        List<String> assistingUnits = assisting == null ? List.of() : Arrays.stream(assisting.toString().split(","))
                .map(String::strip).filter(unit -> !unit.isEmpty()).toList();
        return Optional.of(new Suggestion(result.getFirstResult().getEntry("leadUnit"),
                Boolean.TRUE.equals(result.getFirstResult().getEntry("autoDispatch")), assistingUnits));
    }
}
