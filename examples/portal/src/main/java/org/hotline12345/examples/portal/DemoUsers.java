package org.hotline12345.examples.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;

/**
 * The demo city's users: the hotline office and an auditor, plus every handler and leader the organisation directory
 * (demo-city.json) names for its units. Every password is {@code demo}. A real portal takes its users from its own
 * identity provider instead.
 */
final class DemoUsers {

    static final String PASSWORD = "demo";

    record DemoUser(String username, Set<Role> roles, Set<String> units) {
    }

    private DemoUsers() {
    }

    static List<DemoUser> all(OrganisationDirectory directory) {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("operator", Set.of(Role.OPERATOR, Role.PERSONAL_DATA), Set.of()));
        users.add(new DemoUser("dispatcher", Set.of(Role.DISPATCHER), Set.of()));
        users.add(new DemoUser("supervisor", Set.of(Role.SUPERVISOR, Role.PERSONAL_DATA), Set.of()));
        users.add(new DemoUser("auditor", Set.of(Role.AUDITOR), Set.of()));
        for (Unit unit : directory.units()) {
            if (unit.hotlineOffice()) {
                continue;
            }
            for (String handler : unit.handlers()) {
                users.add(new DemoUser(handler, Set.of(Role.UNIT_HANDLER), Set.of(unit.id().value())));
            }
            if (unit.leader() != null) {
                users.add(new DemoUser(unit.leader(), Set.of(Role.UNIT_HANDLER, Role.UNIT_LEADER), Set.of(unit.id().value())));
            }
        }
        return users;
    }
}
