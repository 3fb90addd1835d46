package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.AccessPolicy;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.bpmn.CaseMigration;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.events.EventDeliveries;
import org.hotline12345.workflow.merge.DuplicateRule;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.IndicatorSettings;

/**
 * Wires the library's engine-side parts once, so that the plugin, the delegates bound in the diagrams and
 * the facade share one store, calendar and clock.
 */
public final class HotlineComponents {

    /** Delays before the retries of a failed delivery to a listener; after the last, the delivery is left failed. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS =
            List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));

    private final CaseStore store = new CaseStore();
    private final AssistanceStore assistance = new AssistanceStore(store);
    private final AssistingUnits assistingUnits = new AssistingUnits(assistance);
    private final PartStore parts = new PartStore(store);
    private final ReviewStore reviews = new ReviewStore(store);
    private final SpotCheckStore spotChecks = new SpotCheckStore(store);
    private final EventNotifications notifications;
    private final CaseEventLog events;
    private final OrganisationDirectory directory;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final DeadlineCalculator calculator;
    private final DeadlinePolicyTable policyTable = new DeadlinePolicyTable();
    private final JavaDelegate startClock;
    private final UnitHandlingVariables unitHandlingVariables;
    private final JavaDelegate issueWarning;
    private final JavaDelegate escalate;
    private final TransferDelegate transfer;
    private final EngineAuditLog auditLog;
    private final JavaDelegate auditDigest;
    private final BpmnParseListener parseListener;
    private final DuplicateRule duplicateRule;
    private final IndicatorSettings indicatorSettings;
    private final AccountabilityFacts facts;
    private final JavaDelegate reviewDeadline;
    private final JavaDelegate spotCheck;

    /**
     * @param listeners the host's listeners for domain events (none is fine)
     * @param retryDelays delays before each retry of a failed delivery, e.g. {@link #DEFAULT_RETRY_DELAYS}
     * @param duplicateRule when open cases are proposed as duplicates of each other, e.g. {@link DuplicateRule#DEFAULT}
     * @param indicatorSettings how unit indicators are scored, e.g. {@link IndicatorSettings#DEFAULT}
     */
    public HotlineComponents(WorkingCalendar calendar, OrganisationDirectory directory, Clock clock, Integer historyTimeToLiveDays,
            List<CaseEventListener> listeners, List<Duration> retryDelays, DuplicateRule duplicateRule,
            IndicatorSettings indicatorSettings) {
        this.duplicateRule = duplicateRule;
        this.indicatorSettings = indicatorSettings;
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
        this.notifications = new EventNotifications(listeners, retryDelays, store, clock, calendar.zone());
        this.events = new CaseEventLog(store, notifications);
        this.calculator = new DeadlineCalculator(calendar);
        this.facts = new AccountabilityFacts(store, reviews, events, clock, calendar.zone());
        this.reviewDeadline = new ReviewDeadlineDelegate(reviews, facts, store, events, clock, calendar.zone());
        this.spotCheck = new SpotCheckDelegate(store, spotChecks, facts, events, clock);
        this.startClock = new StartClockDelegate(calculator, policyTable, store, assistance, clock);
        this.unitHandlingVariables = new UnitHandlingVariables(store, policyTable, calculator);
        this.issueWarning = new IssueWarningDelegate(store, assistance, events, clock, calendar.zone());
        this.escalate = new EscalateDelegate(store, facts, events, calculator, new EscalationPolicyTable(), directory, clock);
        this.transfer = new TransferDelegate(store, parts, events, directory, clock, calendar.zone());
        this.auditLog = new EngineAuditLog(store, events, new AccessPolicy(), clock);
        this.auditDigest = new AuditDigestDelegate(auditLog, clock, calendar.zone());
        this.parseListener = new HotlineParseListener(new CaseStateListeners(store, events, clock), historyTimeToLiveDays);
    }

    /** The delegate the diagrams bind as {@code ${hotlineStartClock}}. */
    public JavaDelegate startClockDelegate() {
        return startClock;
    }

    /** What hotline-case's call to unit-handling passes in and takes back: {@code ${hotlineUnitHandlingVariables}}. */
    public UnitHandlingVariables unitHandlingVariables() {
        return unitHandlingVariables;
    }

    /** The delegate the diagrams bind as {@code ${hotlineIssueWarning}}. */
    public JavaDelegate issueWarningDelegate() {
        return issueWarning;
    }

    /** The bean unit-handling reads the assisting units of a dispatch from: {@code ${hotlineAssistingUnits.of(execution)}}. */
    public AssistingUnits assistingUnits() {
        return assistingUnits;
    }

    /** The delegate unit-handling binds as {@code ${hotlineTransfer}}. */
    public JavaDelegate transferDelegate() {
        return transfer;
    }

    /** The delegate the escalation diagram binds as {@code ${hotlineEscalate}}. */
    public JavaDelegate escalateDelegate() {
        return escalate;
    }

    /** The engine's job handler that delivers events to the listeners. */
    public JobHandler<?> eventDeliveryJobHandler() {
        return notifications;
    }

    /** Failed deliveries to the host's listeners, and their retry, on {@code engine}. */
    public EventDeliveries eventDeliveries(ProcessEngine engine) {
        notifications.bind(engine);
        return notifications;
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

    /** The tamper-evident audit log on {@code engine}. */
    public AuditLog auditLog(ProcessEngine engine) {
        auditLog.bind(engine);
        return auditLog;
    }

    /** The delegate the digest diagram binds as {@code ${hotlineAuditDigest}}. */
    public JavaDelegate auditDigestDelegate() {
        return auditDigest;
    }

    /** Migration of running cases to newer diagram versions on {@code engine}. */
    public CaseMigration caseMigration(ProcessEngine engine) {
        return new EngineCaseMigration(engine, store, events, clock);
    }

    /** The facade over {@code engine}, which must have been built with this library's plugin. */
    public HotlineWorkflow workflow(ProcessEngine engine) {
        notifications.bind(engine);
        return new EngineHotlineWorkflow(engine, store, assistance, parts, facts, events, directory, new AccessPolicy(), calculator,
                policyTable, transfer, duplicateRule, clock);
    }

    /** Accountability reviews, spot checks and unit indicators over {@code engine}. */
    public Accountability accountability(ProcessEngine engine) {
        return new EngineAccountability(engine, store, reviews, spotChecks, facts, indicatorSettings, events, calculator, clock);
    }

    /** The delegate accountability-review.bpmn binds as {@code ${hotlineReviewDeadline}}. */
    public JavaDelegate reviewDeadlineDelegate() {
        return reviewDeadline;
    }

    /** The delegate spot-check.bpmn binds as {@code ${hotlineSpotCheck}}. */
    public JavaDelegate spotCheckDelegate() {
        return spotCheck;
    }
}
