package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.AccountabilityReview;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.accountability.IllegalReviewStateException;
import org.hotline12345.workflow.accountability.IndicatorSettings;
import org.hotline12345.workflow.accountability.ManualFact;
import org.hotline12345.workflow.accountability.OutcomeDecision;
import org.hotline12345.workflow.accountability.Period;
import org.hotline12345.workflow.accountability.RankedUnit;
import org.hotline12345.workflow.accountability.ReviewOutcome;
import org.hotline12345.workflow.accountability.ReviewStage;
import org.hotline12345.workflow.accountability.SpotCheckDraw;
import org.hotline12345.workflow.accountability.SpotCheckRequest;
import org.hotline12345.workflow.accountability.UnitIndicators;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.Deadline;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.deadline.TimeLimit;
import org.hotline12345.workflow.timeline.CaseEventType;

/** The Camunda 7 implementation of {@link Accountability}; each operation is one engine command, like the case API's. */
final class EngineAccountability implements Accountability {

    static final String SPOT_CHECK_PROCESS = "spot-check";
    static final String INVESTIGATE_TASK = "UserTask_Investigate";
    static final String STATEMENT_TASK = "UserTask_WriteStatement";
    static final String DECIDE_TASK = "UserTask_DecideOutcome";
    private static final int MAX_TEXT = 4000;
    /** The statement's yellow card: a working day before its deadline, as for a case. */
    private static final TimeLimit STATEMENT_YELLOW_LEAD = TimeLimit.workingDays(1);

    private final ProcessEngine engine;
    private final CommandExecutor commands;
    private final CaseStore store;
    private final ReviewStore reviews;
    private final SpotCheckStore spotChecks;
    private final AccountabilityFacts facts;
    private final IndicatorQuery indicatorQuery;
    private final IndicatorSettings settings;
    private final CaseEventLog events;
    private final DeadlineCalculator calculator;
    private final Clock clock;
    private final ZoneId zone;

    EngineAccountability(ProcessEngine engine, CaseStore store, ReviewStore reviews, SpotCheckStore spotChecks,
            AccountabilityFacts facts, IndicatorSettings settings, CaseEventLog events, DeadlineCalculator calculator, Clock clock) {
        this.engine = engine;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.store = store;
        this.reviews = reviews;
        this.spotChecks = spotChecks;
        this.facts = facts;
        this.indicatorQuery = new IndicatorQuery(store);
        this.settings = settings;
        this.events = events;
        this.calculator = calculator;
        this.clock = clock;
        this.zone = calculator.calendar().zone();
    }

    // ---- facts and reviews ------------------------------------------------------------------------

    @Override
    public AccountabilityFact fileFact(Actor actor, ManualFact fact) {
        requireSupervisor(actor, "file a fact");
        validate(v -> {
            if (fact == null) {
                v.reject("reason", "is required");
            } else {
                fact.validate(v);
            }
        });
        return execute(actor, () -> {
            CaseRow row = store.find(fact.caseId()).orElseThrow(() -> new InvalidCaseException(List.of(
                    new InvalidCaseException.FieldError("caseId", "no case '" + fact.caseId() + "'"))));
            Set<UnitId> units = new HashSet<>(store.unitsOf(row.id()));
            if (row.leadUnit() != null) {
                units.add(row.leadUnit());
            }
            if (!units.contains(fact.unit())) {
                throw new InvalidCaseException(List.of(new InvalidCaseException.FieldError("unit", "'" + fact.unit()
                        + "' never had case " + row.number() + "; a fact is filed against a unit that has or had the case")));
            }
            return facts.record(engine, row.id(), fact.unit(), FactKind.MANUAL, fact.reason(), actor.userId(), null, null);
        });
    }

    @Override
    public List<AccountabilityReview> reviews(Actor actor, UnitId unit, Period period) {
        Objects.requireNonNull(actor, "actor");
        boolean all = actor.has(Role.SUPERVISOR) || actor.has(Role.AUDITOR);
        if (!all && !actor.isUnitMember()) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not read accountability reviews: that needs the "
                    + "SUPERVISOR or AUDITOR role, or a unit's own reviews");
        }
        if (!all && unit != null && !actor.belongsTo(unit)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not read the reviews of unit '" + unit + "'");
        }
        Instant from = period == null ? null : start(period);
        Instant to = period == null ? null : end(period);
        return execute(actor, () -> {
            List<ReviewStore.Row> rows = reviews.list(unit, from, to).stream().filter(row -> all || actor.belongsTo(row.unit())).toList();
            Map<String, List<AccountabilityFact>> byReview = reviews.factsOf(rows.stream().map(ReviewStore.Row::id).toList(), zone);
            return rows.stream().map(row -> row.toView(zone, byReview.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    @Override
    public AccountabilityReview review(Actor actor, String reviewId) {
        return execute(actor, () -> {
            ReviewStore.Row row = reviews.find(reviewId).orElseThrow(() -> new CaseNotFoundException("accountability review", reviewId));
            checkMayRead(actor, row);
            return view(row.id());
        });
    }

    @Override
    public AccountabilityReview recordFindings(Actor actor, String reviewId, String findings) {
        requireSupervisor(actor, "record the findings of a review");
        validate(v -> v.requireText("findings", findings, MAX_TEXT));
        return step(actor, reviewId, ReviewStage.INVESTIGATING, INVESTIGATE_TASK, (row, task) -> {
            Instant now = clock.instant();
            Deadline due = calculator.deadline(ClockKind.HANDLING, now, row.statementLimit());
            reviews.recordFindings(row.id(), findings, actor.userId(), due.due());
            complete(actor, task, Map.of(ReviewStore.STATEMENT_DUE, Date.from(due.due()),
                    ReviewStore.STATEMENT_YELLOW_AT, Date.from(calculator.yellowCardAt(due, STATEMENT_YELLOW_LEAD))));
            onCases(row, CaseEventType.ACCOUNTABILITY_FINDINGS_RECORDED, actor, task, "accountability review " + row.id() + " of "
                    + row.unit() + ": findings of " + actor.userId() + ": " + findings + "; the unit's statement is due "
                    + CaseRow.at(due.due(), zone), due.due());
        });
    }

    @Override
    public AccountabilityReview submitStatement(Actor actor, String reviewId, String statement) {
        validate(v -> v.requireText("statement", statement, MAX_TEXT));
        return execute(actor, () -> {
            ReviewStore.Row row = reviews.lock(reviewId);
            if (!actor.isUnitMember() || !actor.belongsTo(row.unit())) {
                throw new NotAuthorizedException("user '" + actor.userId() + "' may not write the statement of review " + reviewId
                        + ": it needs membership of the unit under review '" + row.unit() + "'");
            }
            return stepOn(actor, row, ReviewStage.AWAITING_STATEMENT, STATEMENT_TASK, task -> {
                reviews.recordStatement(row.id(), statement, actor.userId(), clock.instant());
                complete(actor, task, Map.of());
                onCases(row, CaseEventType.ACCOUNTABILITY_STATEMENT_SUBMITTED, actor, task, "accountability review " + row.id()
                        + ": statement (情况说明) of " + row.unit() + " by " + actor.userId() + ": " + statement, null);
            });
        });
    }

    @Override
    public AccountabilityReview decide(Actor actor, String reviewId, OutcomeDecision decision) {
        requireSupervisor(actor, "decide a review");
        validate(v -> {
            if (decision == null) {
                v.reject("outcome", "is required");
            } else {
                decision.validate(v);
            }
        });
        return step(actor, reviewId, ReviewStage.DECIDING, DECIDE_TASK, (row, task) -> {
            reviews.recordOutcome(row.id(), decision.outcome(), decision.reasoning(), actor.userId(), clock.instant());
            complete(actor, task, Map.of("outcome", decision.outcome().name()));
            onCases(row, CaseEventType.ACCOUNTABILITY_REVIEW_DECIDED, actor, task, "accountability review " + row.id() + " of "
                    + row.unit() + " decided by " + actor.userId() + ": " + decision.outcome() + "; reasoning: " + decision.reasoning()
                    + "; investigated by " + row.investigatedBy() + (row.statementBy() == null ? "; no statement"
                            : "; statement by " + row.statementBy()), null);
        });
    }

    private interface ReviewStep {
        void run(ReviewStore.Row row, Task task);
    }

    private AccountabilityReview step(Actor actor, String reviewId, ReviewStage stage, String taskKey, ReviewStep body) {
        return execute(actor, () -> {
            ReviewStore.Row row = reviews.lock(reviewId);
            return stepOn(actor, row, stage, taskKey, task -> body.run(row, task));
        });
    }

    private AccountabilityReview stepOn(Actor actor, ReviewStore.Row row, ReviewStage stage, String taskKey,
            java.util.function.Consumer<Task> body) {
        Task task = row.stage() != stage ? null : engine.getTaskService().createTaskQuery().processInstanceId(row.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalReviewStateException(row.stage(), "accountability review " + row.id() + " is not at " + stage);
        }
        body.accept(task);
        return view(row.id());
    }

    private void complete(Actor actor, Task task, Map<String, Object> variables) {
        if (!actor.userId().equals(task.getAssignee())) {
            engine.getTaskService().setAssignee(task.getId(), actor.userId());
        }
        engine.getTaskService().complete(task.getId(), variables);
    }

    /** The step goes on the record of every case the review's facts are about. */
    private void onCases(ReviewStore.Row row, CaseEventType type, Actor actor, Task task, String detail, Instant deadline) {
        Set<CaseId> cases = new LinkedHashSet<>();
        reviews.factsOf(List.of(row.id()), zone).getOrDefault(row.id(), List.of()).forEach(fact -> cases.add(fact.caseId()));
        for (CaseId caseId : cases) {
            store.lockForJob(caseId);
            events.record(caseId, type, clock.instant(), actor.userId(), row.unit(), task.getTaskDefinitionKey(), detail, deadline,
                    task.getProcessDefinitionId());
        }
    }

    private AccountabilityReview view(String reviewId) {
        ReviewStore.Row row = reviews.find(reviewId).orElseThrow();
        return row.toView(zone, reviews.factsOf(List.of(reviewId), zone).getOrDefault(reviewId, List.of()));
    }

    private static void checkMayRead(Actor actor, ReviewStore.Row row) {
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.AUDITOR) && !(actor.isUnitMember() && actor.belongsTo(row.unit()))) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not read accountability review " + row.id());
        }
    }

    // ---- spot checks ------------------------------------------------------------------------------

    @Override
    public SpotCheckDraw drawSpotCheck(Actor actor, SpotCheckRequest request) {
        requireSupervisor(actor, "draw a spot check");
        validate(v -> {
            if (request == null) {
                v.reject("period", "is required");
            } else {
                request.validate(v);
            }
        });
        return execute(actor, () -> {
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            spotChecks.insertDraw(id, request.period().toString(), request.share(), request.seed(), now, actor.userId());
            List<SpotCheckDraw.Sample> samples = new ArrayList<>();
            for (Map.Entry<UnitId, List<CaseId>> unit : spotChecks.closedCasesByUnit(start(request.period()), end(request.period()))
                    .entrySet()) {
                for (CaseId caseId : sample(unit.getKey(), unit.getValue(), request.share(), request.seed())) {
                    spotChecks.insertSample(id, caseId, unit.getKey());
                    var instance = engine.getRuntimeService().startProcessInstanceByKey(SPOT_CHECK_PROCESS, caseId.value(),
                            Map.of(SpotCheckDelegate.SPOT_CHECK_ID, id, ReviewStore.UNIT, unit.getKey().value()));
                    samples.add(new SpotCheckDraw.Sample(caseId, unit.getKey(), createdInThisCommand(instance.getId())));
                    store.lockForJob(caseId);
                    events.record(caseId, CaseEventType.SPOT_CHECK_DRAWN, now, actor.userId(), unit.getKey(), null, "drawn by spot check "
                            + id + " (" + request.period() + ", share " + request.share() + ", seed " + request.seed()
                            + ") for a second, independent callback", null, instance.getProcessDefinitionId());
                }
            }
            return new SpotCheckDraw(id, request.period(), request.share(), request.seed(), CaseRow.at(now, zone), actor.userId(),
                    samples);
        });
    }

    /**
     * The id of the task the engine created for {@code processInstanceId} in the running command: a task query sees
     * only what was flushed, the command's entity cache sees it already.
     */
    private static String createdInThisCommand(String processInstanceId) {
        return org.camunda.bpm.engine.impl.context.Context.getCommandContext().getDbEntityManager()
                .getCachedEntitiesByType(org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.class).stream()
                .filter(task -> processInstanceId.equals(task.getProcessInstanceId()) && !task.isDeleted())
                .map(org.camunda.bpm.engine.impl.persistence.entity.TaskEntity::getId).findFirst().orElse(null);
    }

    /**
     * The cases of one unit a draw takes: its closed cases in id order, shuffled by a generator seeded with the request's
     * seed and the unit id, the first share of them, rounded up. The same request on the same cases draws the same.
     */
    static List<CaseId> sample(UnitId unit, List<CaseId> closed, double share, long seed) {
        List<CaseId> shuffled = new ArrayList<>(closed);
        shuffled.sort(Comparator.comparing(CaseId::value));
        Collections.shuffle(shuffled, new Random(seed * 31 + unit.value().hashCode()));
        int take = (int) Math.min(shuffled.size(), Math.ceil(share * shuffled.size()));
        return shuffled.subList(0, take);
    }

    // ---- indicators -------------------------------------------------------------------------------

    @Override
    public List<UnitIndicators> indicators(Actor actor, Period period, UnitId unit) {
        requireReader(actor);
        validate(v -> v.require("period", period));
        return execute(actor, () -> {
            Map<UnitId, UnitIndicators> all = compute(period);
            if (unit != null) {
                return List.of(all.getOrDefault(unit, indicatorsOf(IndicatorQuery.Counts.none(unit), period, Map.of())));
            }
            return List.copyOf(all.values());
        });
    }

    @Override
    public List<RankedUnit> ranking(Actor actor, Period period) {
        requireReader(actor);
        validate(v -> v.require("period", period));
        return execute(actor, () -> {
            List<UnitIndicators> ordered = new ArrayList<>(compute(period).values());
            ordered.sort(Comparator.comparing((UnitIndicators i) -> i.composite() == null ? -1 : i.composite()).reversed()
                    .thenComparing(i -> i.unit().value()));
            List<RankedUnit> ranking = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                boolean tie = i > 0 && Objects.equals(ordered.get(i).composite(), ordered.get(i - 1).composite());
                ranking.add(new RankedUnit(tie ? ranking.get(i - 1).rank() : i + 1, ordered.get(i)));
            }
            return ranking;
        });
    }

    /** Every unit with parts or decided reviews in the period, by unit id. */
    private Map<UnitId, UnitIndicators> compute(Period period) {
        Instant from = start(period);
        Instant to = end(period);
        Map<UnitId, IndicatorQuery.Counts> counts = indicatorQuery.count(from, to, settings.basicallySatisfiedCounts());
        Map<UnitId, Map<ReviewOutcome, Long>> outcomes = reviews.outcomes(from, to);
        Set<UnitId> units = new HashSet<>(counts.keySet());
        units.addAll(outcomes.keySet());
        Map<UnitId, UnitIndicators> indicators = new TreeMap<>(Comparator.comparing(UnitId::value));
        for (UnitId unit : units) {
            indicators.put(unit, indicatorsOf(counts.getOrDefault(unit, IndicatorQuery.Counts.none(unit)), period,
                    outcomes.getOrDefault(unit, Map.of())));
        }
        return indicators;
    }

    private UnitIndicators indicatorsOf(IndicatorQuery.Counts counts, Period period, Map<ReviewOutcome, Long> outcomes) {
        UnitIndicators unscored = new UnitIndicators(counts.unit(), period, counts.received(), counts.onTimeSignFor(),
                counts.onTimeCompletion(), counts.returnRate(), counts.reopenRate(), counts.satisfaction(), counts.resolution(),
                outcomes, null);
        return new UnitIndicators(unscored.unit(), period, unscored.received(), unscored.onTimeSignFor(), unscored.onTimeCompletion(),
                unscored.returnRate(), unscored.reopenRate(), unscored.satisfaction(), unscored.resolution(), outcomes,
                settings.composite(unscored));
    }

    // ---- shared -----------------------------------------------------------------------------------

    private Instant start(Period period) {
        return period.from().atStartOfDay(zone).toInstant();
    }

    private Instant end(Period period) {
        return period.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void requireSupervisor(Actor actor, String what) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not " + what + ": it needs the SUPERVISOR role");
        }
    }

    private static void requireReader(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.AUDITOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not read indicators: it needs the SUPERVISOR or "
                    + "AUDITOR role");
        }
    }

    private static void validate(java.util.function.Consumer<Validation> rules) {
        Validation validation = new Validation();
        rules.accept(validation);
        validation.throwIfInvalid();
    }

    private <T> T execute(Actor actor, Supplier<T> body) {
        return EngineHotlineWorkflow.inCommand(engine, commands, actor, body);
    }
}
