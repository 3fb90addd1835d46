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
}
