package org.hotline12345.examples.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.access.Role;

/**
 * The demo city's users: the hotline office, an auditor, and a handler and a leader for each unit. Every
 * password is {@code demo}. A real portal takes its users from its own identity provider instead.
 */
final class DemoUsers {

    static final String PASSWORD = "demo";
    static final List<String> UNITS = List.of("lixia", "shizhong", "huaiyin", "city-urban-management");

    record DemoUser(String username, Set<Role> roles, Set<String> units) {
    }

    private DemoUsers() {
    }

    static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("operator", Set.of(Role.OPERATOR, Role.PERSONAL_DATA), Set.of()));
        users.add(new DemoUser("dispatcher", Set.of(Role.DISPATCHER), Set.of()));
        users.add(new DemoUser("supervisor", Set.of(Role.SUPERVISOR, Role.PERSONAL_DATA), Set.of()));
        users.add(new DemoUser("auditor", Set.of(Role.AUDITOR), Set.of()));
        for (String unit : UNITS) {
            users.add(new DemoUser(unit, Set.of(Role.UNIT_HANDLER), Set.of(unit)));
            users.add(new DemoUser(unit + "-leader", Set.of(Role.UNIT_HANDLER, Role.UNIT_LEADER), Set.of(unit)));
        }
        return users;
    }
}
