package org.hotline12345.workflow.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline12345.workflow.cases.UnitId;

/** A fixed list of units. */
public final class InMemoryOrganisationDirectory implements OrganisationDirectory {

    private final Map<UnitId, Unit> units = new LinkedHashMap<>();

    public InMemoryOrganisationDirectory(Collection<Unit> units) {
        for (Unit unit : units) {
            if (this.units.putIfAbsent(unit.id(), unit) != null) {
                throw new IllegalArgumentException("unit listed twice: " + unit.id());
            }
        }
        for (Unit unit : units) {
            if (unit.parent() != null && !this.units.containsKey(unit.parent())) {
                throw new IllegalArgumentException("unit " + unit.id() + " names an unknown parent " + unit.parent());
            }
        }
    }

    public static InMemoryOrganisationDirectory of(Unit... units) {
        return new InMemoryOrganisationDirectory(List.of(units));
    }

    @Override
    public Optional<Unit> unit(UnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    @Override
    public Collection<Unit> units() {
        return List.copyOf(units.values());
    }
}
