package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.AccessPolicy;
import org.hotline12345.workflow.bpmn.CaseMigration;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.directory.OrganisationDirectory;

/**
 * Wires the library's engine-side parts once, so that the plugin, the delegates bound in the diagrams and
 * the facade share one store, calendar and clock.
 */
public final class HotlineComponents {

    private final CaseStore store = new CaseStore();
    private final OrganisationDirectory directory;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final JavaDelegate startClock;
    private final JavaDelegate issueWarning;
    private final BpmnParseListener parseListener;

    public HotlineComponents(WorkingCalendar calendar, OrganisationDirectory directory, Clock clock, Integer historyTimeToLiveDays) {
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
        this.startClock = new StartClockDelegate(new DeadlineCalculator(calendar), new DeadlinePolicyTable(), store, clock);
        this.issueWarning = new IssueWarningDelegate(store, clock, calendar.zone());
        this.parseListener = new HotlineParseListener(new CaseStateListeners(store, clock), historyTimeToLiveDays);
    }

    /** The delegate the diagrams bind as {@code ${hotlineStartClock}}. */
    public JavaDelegate startClockDelegate() {
        return startClock;
    }

    /** The delegate the diagrams bind as {@code ${hotlineIssueWarning}}. */
    public JavaDelegate issueWarningDelegate() {
        return issueWarning;
    }

    public BpmnParseListener parseListener() {
        return parseListener;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Clock clock() {
        return clock;
    }

    /** Migration of running cases to newer diagram versions on {@code engine}. */
    public CaseMigration caseMigration(ProcessEngine engine) {
        return new EngineCaseMigration(engine, store, clock);
    }

    /** The facade over {@code engine}, which must have been built with this library's plugin. */
    public HotlineWorkflow workflow(ProcessEngine engine) {
        return new EngineHotlineWorkflow(engine, store, directory, new AccessPolicy(), clock, calendar.zone());
    }
}
