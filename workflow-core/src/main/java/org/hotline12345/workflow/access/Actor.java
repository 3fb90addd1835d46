package org.hotline12345.workflow.access;

import java.util.Objects;
import java.util.Set;
import org.hotline12345.workflow.cases.UnitId;

/**
 * Who is acting: the user id (recorded in the timeline), the units the user belongs to and the
 * user's roles. Hosts build it from their own authentication.
 */
public record Actor(String userId, Set<UnitId> units, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        units = Set.copyOf(units);
        roles = Set.copyOf(roles);
    }

    public static Actor hotlineOffice(String userId, Role... roles) {
        return new Actor(userId, Set.of(), Set.of(roles));
    }

    public static Actor unitHandler(String userId, UnitId unit) {
        return new Actor(userId, Set.of(unit), Set.of(Role.UNIT_HANDLER));
    }

    public static Actor unitLeader(String userId, UnitId unit) {
        return new Actor(userId, Set.of(unit), Set.of(Role.UNIT_HANDLER, Role.UNIT_LEADER));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isHotlineOffice() {
        return roles.stream().anyMatch(Role::isHotlineOffice);
    }

    public boolean belongsTo(UnitId unit) {
        return unit != null && units.contains(unit);
    }

    /** Whether this actor works for a unit at all (handler or leader). */
    public boolean isUnitMember() {
        return !units.isEmpty() && (has(Role.UNIT_HANDLER) || has(Role.UNIT_LEADER));
    }
}
