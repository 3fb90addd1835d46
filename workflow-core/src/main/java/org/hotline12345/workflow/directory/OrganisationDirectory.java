package org.hotline12345.workflow.directory;

import java.util.Collection;
import java.util.Optional;
import org.hotline12345.workflow.cases.UnitId;

/**
 * The host's organisation data: which units exist. A host implements this over its own directory;
 * {@link InMemoryOrganisationDirectory} serves tests and small deployments.
 */
public interface OrganisationDirectory {

    Optional<Unit> unit(UnitId id);

    Collection<Unit> units();

    default boolean exists(UnitId id) {
        return unit(id).isPresent();
    }

    /** How timelines and messages name a unit: {@code lixia (历下区)}, or the bare id of a unit this directory lacks. */
    default String describe(UnitId id) {
        return unit(id).map(Unit::name).map(name -> id + " (" + name + ")").orElse(id.value());
    }

    /**
     * Whether {@code unit} is below {@code ancestor} in the hierarchy (its child, grandchild, ...): where a unit may pass
     * a case down to (下派). A unit is not below itself; a cycle in the host's data ends the walk.
     */
    default boolean isBelow(UnitId unit, UnitId ancestor) {
        java.util.Set<UnitId> seen = new java.util.HashSet<>();
        UnitId parent = unit(unit).map(Unit::parent).orElse(null);
        while (parent != null && seen.add(parent)) {
            if (parent.equals(ancestor)) {
                return true;
            }
            parent = unit(parent).map(Unit::parent).orElse(null);
        }
        return false;
    }
}
