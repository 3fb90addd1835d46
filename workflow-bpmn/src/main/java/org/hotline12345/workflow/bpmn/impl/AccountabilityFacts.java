package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.hotline12345.workflow.accountability.AccountabilityFact;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.accountability.ReviewStage;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.deadline.TimeLimit;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * The one way a fact about a unit's conduct is recorded: the fact row, its {@code AccountabilityFactRecorded} entry on
 * the case, and the analysts' {@code accountability-triggers} table asked whether it opens a review (or joins the
 * unit's review still open). Runs inside the engine command of whatever produced the fact.
 */
final class AccountabilityFacts {

    static final String TRIGGERS_DECISION = "accountability-triggers";
    static final String REVIEW_PROCESS = "accountability-review";

    private final CaseStore store;
    private final ReviewStore reviews;
    private final CaseEventLog events;
    private final Clock clock;
    private final ZoneId zone;

    AccountabilityFacts(CaseStore store, ReviewStore reviews, CaseEventLog events, Clock clock, ZoneId zone) {
        this.store = store;
        this.reviews = reviews;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the triggers table says about one fact. */
    record Trigger(boolean openReview, String severity, TimeLimit statementLimit) {
    }

    /**
     * Records a fact against {@code unit} on {@code caseId}.
     *
     * @param taskKey the element that produced the fact, for the timeline (may be null)
     */
    AccountabilityFact record(ProcessEngineServices engine, CaseId caseId, UnitId unit, FactKind kind, String detail, String actor,
            String taskKey, String processDefinitionId) {
        Instant now = clock.instant();
        return record(engine, caseId, unit, kind, detail, actor, taskKey, processDefinitionId,
                store.countFacts(unit, kind, monthStart(now), now) + 1);
    }

    /** @param count the triggers table's count input for this fact */
    private AccountabilityFact record(ProcessEngineServices engine, CaseId caseId, UnitId unit, FactKind kind, String detail,
            String actor, String taskKey, String processDefinitionId, long count) {
        Instant now = clock.instant();
        Trigger trigger = evaluate(engine, kind, count);
        String reviewId = null;
        boolean opened = false;
        if (trigger.openReview()) {
            reviewId = reviews.openReviewOf(unit).orElse(null);
            if (reviewId == null) {
                reviewId = open(engine, unit, trigger, now);
                opened = true;
            }
        }
        AccountabilityFact fact = append(caseId, unit, kind, detail, actor, taskKey, processDefinitionId, reviewId,
                opened ? trigger : null, now);
        if (opened) {
            // The facts of the same kind that led up to this one this month are the review's too.
            store.attachFacts(unit, kind, monthStart(now), reviewId);
        }
        return fact;
    }

    /**
     * After an approved extension: the unit's approved extensions this month are counted, and the day the count first
     * makes the triggers table's FREQUENT_EXTENSIONS row open a review, that fact is recorded (拖延), once a month.
     */
    void extensionApproved(ProcessEngineServices engine, CaseId caseId, UnitId unit, String actor, String taskKey,
            String processDefinitionId) {
        Instant now = clock.instant();
        Instant monthStart = monthStart(now);
        // The bound is exclusive and the database keeps microseconds at best: a millisecond on takes this approval in.
        long approved = store.countEventsByUnit(CaseEventType.EXTENSION_APPROVED, monthStart, now.plusMillis(1)).getOrDefault(unit, 0L);
        if (evaluate(engine, FactKind.FREQUENT_EXTENSIONS, approved).openReview()
                && !evaluate(engine, FactKind.FREQUENT_EXTENSIONS, approved - 1).openReview()) {
            record(engine, caseId, unit, FactKind.FREQUENT_EXTENSIONS, unit + " was granted " + approved
                    + " extensions this month", actor, taskKey, processDefinitionId, approved);
        }
    }

    private Instant monthStart(Instant now) {
        return now.atZone(zone).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    /** Records a fact that belongs to a known review (the unit missed that review's statement deadline). */
    AccountabilityFact recordForReview(CaseId caseId, UnitId unit, FactKind kind, String detail, String actor, String taskKey,
            String processDefinitionId, String reviewId) {
        return append(caseId, unit, kind, detail, actor, taskKey, processDefinitionId, reviewId, null, clock.instant());
    }

    private AccountabilityFact append(CaseId caseId, UnitId unit, FactKind kind, String detail, String actor, String taskKey,
            String processDefinitionId, String reviewId, Trigger openedBy, Instant now) {
        String id = UUID.randomUUID().toString();
        store.lockForJob(caseId);
        store.insertFact(id, caseId, unit, kind, detail, actor, reviewId, now);
        String review = reviewId == null ? "" : openedBy != null
                ? "; opens accountability review " + reviewId + " (" + openedBy.severity() + ")"
                : "; joins accountability review " + reviewId;
        events.record(caseId, CaseEventType.ACCOUNTABILITY_FACT_RECORDED, now, actor, unit, taskKey, kind + ": " + detail + review,
                null, processDefinitionId);
        return new AccountabilityFact(id, caseId, unit, kind, CaseRow.at(now, zone), actor, detail, reviewId);
    }

    private String open(ProcessEngineServices engine, UnitId unit, Trigger trigger, Instant now) {
        String reviewId = UUID.randomUUID().toString();
        var instance = engine.getRuntimeService().startProcessInstanceByKey(REVIEW_PROCESS, reviewId,
                Map.of(ReviewStore.REVIEW_ID, reviewId, ReviewStore.UNIT, unit.value()));
        reviews.insert(reviewId, unit, ReviewStage.INVESTIGATING, trigger.severity(), trigger.statementLimit(), instance.getId(), now);
        return reviewId;
    }

    static Trigger evaluate(ProcessEngineServices engine, FactKind kind, long count) {
        DmnDecisionResult result = PolicyDecisions.evaluate(TRIGGERS_DECISION, Map.of("kind", kind.name(), "count", count));
        if (result.isEmpty() || !Boolean.TRUE.equals(result.getFirstResult().get("openReview"))) {
            return new Trigger(false, null, null);
        }
        var row = result.getFirstResult();
        try {
            Object limit = row.get("statementLimit");
            return new Trigger(true, (String) row.get("severity"), TimeLimit.parse(limit == null ? null : limit.toString()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ProcessEngineException("the accountability-triggers row for " + kind + " is not usable: " + e.getMessage(), e);
        }
    }
}
