package org.hotline12345.examples.portal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.cases.UnitId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Turns the authenticated user into the library's {@link Actor}: authorities {@code ROLE_<Role>} become roles,
 * {@code UNIT_<unitId>} become unit memberships. A portal with its own identity provider maps its claims the same way.
 */
final class Actors {

    static final String ROLE_PREFIX = "ROLE_";
    static final String UNIT_PREFIX = "UNIT_";

    private Actors() {
    }

    static Actor of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<UnitId> units = new HashSet<>();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(ROLE_PREFIX)) {
                try {
                    roles.add(Role.valueOf(authority.substring(ROLE_PREFIX.length())));
                } catch (IllegalArgumentException notOurs) {
                    // An authority of the host's that the workflow has no role for.
                }
            } else if (authority.startsWith(UNIT_PREFIX)) {
                units.add(UnitId.of(authority.substring(UNIT_PREFIX.length())));
            }
        }
        return new Actor(authentication.getName(), units, roles);
    }
}
