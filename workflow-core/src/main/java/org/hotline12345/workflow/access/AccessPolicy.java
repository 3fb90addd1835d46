package org.hotline12345.workflow.access;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.cases.UnitId;

/**
 * The one place that decides who may act on and see a case. Hotline-office steps need a
 * hotline-office role; unit steps need membership of the case's current lead unit.
 */
public final class AccessPolicy {

    /** @throws NotAuthorizedException if {@code actor} may not perform {@code step} on a case now led by {@code leadUnit} */
    public void checkMayPerform(Actor actor, Step step, UnitId leadUnit) {
        checkMayPerform(actor, step, leadUnit == null ? List.of() : List.of(leadUnit));
    }

    /**
     * @param actingUnits the units that perform a unit-side step now: the lead unit for its own steps, the assisting units
     *     whose part is open for an assisting unit's step
     * @throws NotAuthorizedException if {@code actor} may not perform {@code step}
     */
    public void checkMayPerform(Actor actor, Step step, Collection<UnitId> actingUnits) {
        boolean allowed = switch (step.side()) {
            case HOTLINE_OFFICE -> actor.isHotlineOffice();
            case CURRENT_UNIT, ASSISTING_UNIT -> actor.isUnitMember() && actingUnits.stream().anyMatch(actor::belongsTo);
        };
        if (!allowed) {
            String units = actingUnits.isEmpty() ? "(none now)"
                    : actingUnits.stream().map(unit -> "'" + unit + "'").sorted().collect(Collectors.joining(", "));
            String who = switch (step.side()) {
                case HOTLINE_OFFICE -> "a hotline-office role (OPERATOR, DISPATCHER or SUPERVISOR)";
                case CURRENT_UNIT -> "membership of the case's lead unit " + units;
                case ASSISTING_UNIT -> "membership of an assisting unit with that step open " + units;
            };
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not " + describe(step) + ": it needs " + who);
        }
    }

    /**
     * Whether {@code actor} may see a case that {@code caseUnits} (its current lead unit and every unit it was ever
     * dispatched to) handle or handled: the hotline office and auditors see every case, a unit the cases that are or
     * were assigned to it.
     */
    public boolean maySee(Actor actor, Collection<UnitId> caseUnits) {
        return actor.isHotlineOffice() || actor.has(Role.AUDITOR) || caseUnits.stream().anyMatch(actor::belongsTo);
    }

    /** @throws NotAuthorizedException if {@code actor} may not see a case of {@code caseUnits} */
    public void checkMaySee(Actor actor, Collection<UnitId> caseUnits) {
        if (!maySee(actor, caseUnits)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not see this case: it was never assigned to its units");
        }
    }

    /** Whether caller name, phone and address may be shown unmasked to {@code actor} in views and exports of any case. */
    public boolean maySeePersonalData(Actor actor) {
        return actor.has(Role.PERSONAL_DATA);
    }

    /**
     * Whether {@code actor} may see the caller's name and phone on a case now led by {@code leadUnit}: holders of the
     * personal-data right always; the handling unit too, since it must contact the citizen, unless the caller asked
     * for confidentiality (e.g. a whistle-blower).
     */
    public boolean maySeeCallerContact(Actor actor, UnitId leadUnit, boolean confidentialCaller) {
        return maySeePersonalData(actor) || (!confidentialCaller && actor.isUnitMember() && actor.belongsTo(leadUnit));
    }

    private static String describe(Step step) {
        return step.name().toLowerCase().replace('_', ' ');
    }
}
