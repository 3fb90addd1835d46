package org.hotline12345.workflow.directory;

import java.util.Objects;
import java.util.Set;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.UnitId;

/**
 * A unit of the organisation directory.
 *
 * @param parent the unit above it (a district above a street office), if any
 * @param leader the user id of its leader, who receives urging notices, if known
 * @param handlers the user ids of its handlers
 * @param areaCodes the administrative areas it covers, e.g. {@code 370102}
 * @param categories the kinds of request it handles; empty for all
 * @param hotlineOffice whether it is (part of) the hotline office itself
 */
public record Unit(UnitId id, String name, UnitId parent, String leader, Set<String> handlers, Set<String> areaCodes,
        Set<Category> categories, boolean hotlineOffice) {

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        handlers = handlers == null ? Set.of() : Set.copyOf(handlers);
        areaCodes = areaCodes == null ? Set.of() : Set.copyOf(areaCodes);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** A unit known only by its id, name and parent. */
    public Unit(UnitId id, String name, UnitId parent) {
        this(id, name, parent, null, Set.of(), Set.of(), Set.of(), false);
    }
}
