package org.hotline12345.examples.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation directory as the caller may see it: every unit's id, name, parent and areas for everyone (a unit
 * needs them to hand a case on); leaders and handlers only for the hotline office and auditors.
 */
@RestController
class UnitController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitJson(String id, String name, String parent, Set<String> areaCodes, List<String> categories, Boolean hotlineOffice,
            String leader, Set<String> handlers) {
    }

    private final OrganisationDirectory directory;

    UnitController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/units")
    List<UnitJson> units(Authentication user) {
        Actor actor = Actors.of(user);
        boolean people = actor.isHotlineOffice() || actor.has(Role.AUDITOR);
        return directory.units().stream().map(unit -> json(unit, people)).toList();
    }

    private static UnitJson json(Unit unit, boolean people) {
        return new UnitJson(unit.id().value(), unit.name(), unit.parent() == null ? null : unit.parent().value(), unit.areaCodes(),
                unit.categories().stream().map(Enum::name).toList(), unit.hotlineOffice() ? true : null,
                people ? unit.leader() : null, people ? unit.handlers() : null);
    }
}
