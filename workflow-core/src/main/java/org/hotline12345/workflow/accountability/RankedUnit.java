package org.hotline12345.workflow.accountability;

/** A place in a ranking of units by composite score; units with the same score share a rank. */
public record RankedUnit(int rank, UnitIndicators indicators) {
}
