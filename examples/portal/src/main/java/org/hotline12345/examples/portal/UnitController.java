package org.hotline12345.examples.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.InvalidCaseException.FieldError;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    record UnitReturnsJson(String unit, long returns, long improperReturns) {
    }

    private final OrganisationDirectory directory;
    private final HotlineWorkflow workflow;

    UnitController(OrganisationDirectory directory, HotlineWorkflow workflow) {
        this.directory = directory;
        this.workflow = workflow;
    }

    /** Returns per unit from {@code from} to {@code to} (ISO dates, inclusive); a unit's users see their own units. */
    @Operation(summary = "Returns (退单) per unit in a period",
            description = "from and to are ISO dates, inclusive. Each unit's returns asked for and those found improper "
                    + "(rejected by the hotline office or arbitrated back to it). A unit's users see their own units only.")
    @GetMapping("/api/units/returns")
    List<UnitReturnsJson> returns(Authentication user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        return workflow.returnsByUnit(Actors.of(user), start, end).stream()
                .map(counts -> new UnitReturnsJson(counts.unit().value(), counts.returns(), counts.improperReturns())).toList();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is not a date (YYYY-MM-DD): '" + value + "'"));
            return null;
        }
    }

    @Operation(summary = "The organisation directory as the caller may see it",
            description = "Every unit's id, name, parent, area codes and categories for everyone (a unit needs them to pass a "
                    + "case down or name assisting units); leaders and handlers for the hotline office and auditors only.")
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
