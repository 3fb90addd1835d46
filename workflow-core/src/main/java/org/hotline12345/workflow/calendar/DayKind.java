package org.hotline12345.workflow.calendar;

/** How the State Council's yearly notice changes an ordinary day. */
public enum DayKind {
    /** A statutory holiday (or a weekend day inside a holiday block): no work. */
    HOLIDAY,
    /** A weekend day made a working day (调休 make-up day). */
    MAKE_UP_WORKDAY
}
