package org.hotline12345.workflow.timeline;

import java.time.OffsetDateTime;
import org.hotline12345.workflow.cases.UnitId;

/**
 * One step in a case's history: what happened, when, who did it (and for which unit), the detail a reader needs
 * (reason, comment, new deadline) and the diagram element it happened at.
 *
 * @param sequence the audit row's sequence number; 0 for an entry from the engine's history
 * @param type the domain event; null for an entry from the engine's history
 * @param source whether the entry is a domain event of the audit log or a step of the engine's history
 * @param event the entry's name: the past-tense domain event ({@code CaseDispatched}), or the engine step
 *     ({@code ActivityEntered}, {@code ActivityLeft}, {@code ActivityCancelled}, {@code VariableChanged},
 *     {@code Comment})
 */
public record TimelineEntry(
        long sequence,
        CaseEventType type,
        OffsetDateTime at,
        String actor,
        UnitId unit,
        String detail,
        Source source,
        String event,
        String elementId,
        String elementName) {

    /** Where a timeline entry comes from. */
    public enum Source {
        /** The library's audit log: a domain event. */
        AUDIT,
        /** The engine's history: an activity entered or left, an assignment, a variable change, a comment. */
        ENGINE
    }
}
