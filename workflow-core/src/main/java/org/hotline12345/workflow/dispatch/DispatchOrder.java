package org.hotline12345.workflow.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.cases.UnitId;

/**
 * Sends a case to its lead unit (派单, 主办), optionally with assisting units (协办) that answer the lead unit, and a
 * note for the units.
 */
public record DispatchOrder(UnitId leadUnit, List<UnitId> assistingUnits, String note) {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_ASSISTING_UNITS = 10;

    public DispatchOrder {
        // Not List.copyOf: a null entry must reach validate() and be reported, not fail here.
        assistingUnits = assistingUnits == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(assistingUnits));
    }

    /** A dispatch to a lead unit alone. */
    public DispatchOrder(UnitId leadUnit, String note) {
        this(leadUnit, List.of(), note);
    }

    public void validate(Validation validation) {
        validation.require("leadUnit", leadUnit).limitText("note", note, MAX_NOTE);
        if (assistingUnits.size() > MAX_ASSISTING_UNITS) {
            validation.reject("assistingUnits", "at most " + MAX_ASSISTING_UNITS + " assisting units, not " + assistingUnits.size());
        }
        Set<UnitId> seen = new HashSet<>();
        for (UnitId unit : assistingUnits) {
            if (unit == null) {
                validation.reject("assistingUnits", "contains an empty unit");
            } else if (unit.equals(leadUnit)) {
                validation.reject("assistingUnits", "names the lead unit '" + unit + "'; it cannot assist itself");
            } else if (!seen.add(unit)) {
                validation.reject("assistingUnits", "names '" + unit + "' twice");
            }
        }
    }
}
