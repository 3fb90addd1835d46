package org.hotline12345.workflow.directory;

import java.util.Objects;
import org.hotline12345.workflow.cases.UnitId;

/** A handling unit of the organisation directory, with its display name and optional parent unit. */
public record Unit(UnitId id, String name, UnitId parent) {

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
