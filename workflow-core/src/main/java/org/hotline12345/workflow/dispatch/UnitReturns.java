package org.hotline12345.workflow.dispatch;

import org.hotline12345.workflow.cases.UnitId;

/**
 * A unit's returns in a period: how many it asked for, and how many the hotline office found improper (a return it
 * rejected, or a dispute it arbitrated back to the unit).
 */
public record UnitReturns(UnitId unit, long returns, long improperReturns) {
}
