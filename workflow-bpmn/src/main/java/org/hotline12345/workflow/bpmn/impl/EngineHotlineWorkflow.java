package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.IllegalCaseStateException;
import org.hotline12345.workflow.InvalidCaseException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.Validation;
import org.hotline12345.workflow.access.AccessPolicy;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.access.Step;
import org.hotline12345.workflow.bpmn.StandardTask;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.Page;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.dispatch.Arbitration;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.dispatch.ReturnDecision;
import org.hotline12345.workflow.dispatch.ReturnRequest;
import org.hotline12345.workflow.dispatch.TransferRequest;
import org.hotline12345.workflow.dispatch.UnitReturns;
import org.hotline12345.workflow.extension.ExtensionDecision;
import org.hotline12345.workflow.extension.ExtensionRequest;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.Deadline;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.deadline.DeadlinePolicy;
import org.hotline12345.workflow.deadline.TimeLimit;
import org.hotline12345.workflow.deadline.PausedClock;
import org.hotline12345.workflow.suspension.SuspensionDecision;
import org.hotline12345.workflow.suspension.SuspensionRequest;
import org.hotline12345.workflow.handling.AssistAnswer;
import org.hotline12345.workflow.handling.AssistanceStatus;
import org.hotline12345.workflow.handling.Reply;
import org.hotline12345.workflow.intake.DirectAnswer;
import org.hotline12345.workflow.intake.IntakeReceipt;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.merge.DuplicateProposal;
import org.hotline12345.workflow.merge.DuplicateRule;
import org.hotline12345.workflow.merge.MergeOrder;
import org.hotline12345.workflow.merge.TextSimilarity;
import org.hotline12345.workflow.review.CallbackResult;
import org.hotline12345.workflow.review.ReopenLimitDecision;
import org.hotline12345.workflow.review.ReviewDecision;
import org.hotline12345.workflow.tasks.TaskView;
import org.hotline12345.workflow.timeline.CaseEventType;
import org.hotline12345.workflow.timeline.TimelineEntry;

/**
 * The Camunda 7 implementation of {@link HotlineWorkflow}. Each operation is one engine command: the
 * case row is taken first (see {@link CaseStore#lock}), then the engine task is completed, then the
 * event is appended, all on one connection and one transaction.
 */
public final class EngineHotlineWorkflow implements HotlineWorkflow {

    /** Candidate group of every hotline-office task in the diagrams. */
    public static final String HOTLINE_OFFICE_GROUP = "hotline-office";
    /** Prefix of the candidate group of a unit's tasks: {@code unit:<unitId>}. */
    public static final String UNIT_GROUP_PREFIX = "unit:";

    private static final int MAX_INTAKE_ATTEMPTS = 3;
    private static final int MAX_OPEN_TASKS = 500;
    private static final int MAX_VARIABLE_TEXT = 4000;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** The statuses of a case that can take duplicates: with a unit, not replied yet. */
    private static final Set<CaseStatus> MASTER_STATUSES = java.util.EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
            CaseStatus.RETURN_REQUESTED, CaseStatus.DISPUTED);

    private final ProcessEngine engine;
    private final CommandExecutor commands;
    private final CaseStore store;
    private final AssistanceStore assistance;
    private final PartStore parts;
    private final AccountabilityFacts facts;
    private final TransferDelegate transfers;
    private final DuplicateRule duplicateRule;
    private final CaseEventLog events;
    private final OrganisationDirectory directory;
    private final AccessPolicy access;
    private final DeadlineCalculator calculator;
    private final DeadlinePolicyTable policyTable;
    private final RoutingTable routingTable = new RoutingTable();
    private final Clock clock;
    private final ZoneId zone;

    EngineHotlineWorkflow(ProcessEngine engine, CaseStore store, AssistanceStore assistance, PartStore parts,
            AccountabilityFacts facts, CaseEventLog events,
            OrganisationDirectory directory, AccessPolicy access, DeadlineCalculator calculator, DeadlinePolicyTable policyTable,
            TransferDelegate transfers, DuplicateRule duplicateRule, Clock clock) {
        this.engine = engine;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.store = store;
        this.assistance = assistance;
        this.parts = parts;
        this.facts = facts;
        this.transfers = transfers;
        this.duplicateRule = duplicateRule;
        this.events = events;
        this.directory = directory;
        this.access = access;
        this.calculator = calculator;
        this.policyTable = policyTable;
        this.clock = clock;
        this.zone = calculator.calendar().zone();
    }

    @Override
    public IntakeReceipt intake(Actor actor, IntakeRequest request) {
        Objects.requireNonNull(actor, "actor");
        access.checkMayPerform(actor, Step.INTAKE, List.of());
        validate(v -> {
            if (request == null) {
                v.reject("request", "is required");
            } else {
                request.validate(v);
            }
        });
        for (int attempt = 1; ; attempt++) {
            try {
                return execute(actor, () -> register(actor, request));
            } catch (CaseStoreException e) {
                // A unique index refused the row: the external id is a case's already (a portal sending a form again,
                // or a concurrent intake that committed first), or the case number was taken by a concurrent intake.
                // The first is idempotency, the second is retried. Asking the index rather than looking the external id
                // up first saves every other intake a statement.
                if (!e.isIntegrityViolation() || attempt == MAX_INTAKE_ATTEMPTS) {
                    throw e;
                }
                if (request.externalId() != null) {
                    IntakeReceipt existing = execute(actor, () -> store.findByExternalId(request.externalId())
                            .map(row -> new IntakeReceipt(view(actor, row), false)).orElse(null));
                    if (existing != null) {
                        return existing;
                    }
                }
            }
        }
    }

    private IntakeReceipt register(Actor actor, IntakeRequest request) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        CaseId id = CaseId.newId();
        CaseRow row = new CaseRow(id, null, request.externalId(), CaseStatus.REGISTERED, request.category(),
                request.urgencyOrDefault(), request.channel(), request.subject().strip(), request.description(),
                request.caller(), request.location(), null, null, List.of(), null, null, null, WarningLevel.NONE, 0, null, null, 0, 0,
                null, null, null, null, now, now, null, null, 0, 0);
        store.insert(row, today);
        var suggestion = routingTable.suggest(request.category(),
                request.location() == null ? null : request.location().areaCode(), request.urgencyOrDefault());
        UnitId suggested = suggestion.map(RoutingTable.Suggestion::leadUnit)
                .filter(unit -> UnitId.isWellFormed(unit) && directory.exists(UnitId.of(unit))).map(UnitId::of).orElse(null);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CASE_ID, id.value());
        variables.put(ProcessVariables.CATEGORY, request.category().name());
        variables.put(ProcessVariables.URGENCY, request.urgencyOrDefault().name());
        variables.put(ProcessVariables.REOPENS, 0);
        if (suggested != null) {
            variables.put(ProcessVariables.ROUTING_SUGGESTION, suggested.value());
        }
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(StandardTask.CASE_PROCESS, id.value(), variables);
        store.setProcessInstance(id, instance.getId());
        store.setProcessDefinition(id, instance.getProcessDefinitionId());
        String routing = suggestion.isEmpty() ? "; the routing table suggests no unit"
                : suggested == null ? "; the routing table suggests '" + suggestion.get().leadUnit() + "', which the directory does not know"
                : "; the routing table suggests " + describe(suggested);
        // Assisting units the directory does not know are dropped from the suggestion, and the timeline says so.
        List<UnitId> suggestedAssisting = suggested == null ? List.of() : suggestion.get().assistingUnits().stream()
                .filter(unit -> UnitId.isWellFormed(unit) && directory.exists(UnitId.of(unit))).map(UnitId::of)
                .filter(unit -> !unit.equals(suggested)).distinct().toList();
        if (suggested != null) {
            store.setRoutingSuggestion(id, suggested, suggestedAssisting);
            if (!suggestedAssisting.isEmpty()) {
                routing += ", assisted by " + suggestedAssisting.stream().map(this::describe).collect(Collectors.joining(", "));
            }
            List<String> unknown = suggestion.get().assistingUnits().stream()
                    .filter(unit -> !UnitId.isWellFormed(unit) || !directory.exists(UnitId.of(unit))).toList();
            if (!unknown.isEmpty()) {
                routing += " (assisting units the directory does not know, left out: " + String.join(", ", unknown) + ")";
            }
        }
        List<DuplicateProposal> proposals = proposals(row);
        // The number last: the day's sequence stays locked until this intake commits, and every other intake waits.
        CaseNumber number = store.number(id);
        events.record(id, CaseEventType.CASE_REGISTERED, now, actor.userId(), null, null,
                "case " + number + " registered via " + request.channel() + ": " + request.category() + ", "
                        + request.urgencyOrDefault() + ", \"" + request.subject().strip() + "\"" + routing, null, null);
        if (suggested != null && suggestion.get().autoDispatch()) {
            CaseRow fresh = store.find(id).orElseThrow();
            dispatchTo(actor, id, createdInThisCommand(fresh, StandardTask.DISPATCH),
                    new DispatchOrder(suggested, suggestedAssisting, "dispatched at once by the routing table"));
        }
        return new IntakeReceipt(view(actor, store.find(id).orElseThrow()), true, proposals);
    }

    @Override
    public CaseView answerDirectly(Actor actor, CaseId caseId, DirectAnswer answer) {
        validate(v -> require(v, "answer", answer, () -> answer.validate(v)));
        return step(actor, caseId, Step.DIRECT_ANSWER, StandardTask.DISPATCH, (row, task) -> {
            requireNoWaitingDuplicates(row, "be answered directly");
            complete(actor, task, Map.of(ProcessVariables.DISPOSITION, "DIRECT_ANSWER", "directAnswer", answer.answer()));
            record(row.id(), CaseEventType.CASE_ANSWERED_DIRECTLY, actor, null, task, "answered on the call: " + answer.answer());
        });
    }

    // ---- merging duplicates (并单) ---------------------------------------------------------------------

    @Override
    public List<DuplicateProposal> duplicates(Actor actor, CaseId caseId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        return execute(actor, () -> {
            CaseRow row = store.find(caseId).orElseThrow(() -> new CaseNotFoundException("case", caseId.value()));
            if (!actor.isHotlineOffice() && !actor.has(Role.AUDITOR)) {
                throw new NotAuthorizedException("user '" + actor.userId() + "' may not see duplicate proposals: they are for the "
                        + "hotline office and auditors");
            }
            return proposals(row);
        });
    }

    /** The open cases that may be the same matter as {@code row} under the duplicate rule, most alike first. */
    private List<DuplicateProposal> proposals(CaseRow row) {
        if (row.location() == null || row.location().areaCode() == null) {
            return List.of();
        }
        TextSimilarity.Prepared text = TextSimilarity.prepare(comparedText(row));
        return store.duplicateCandidates(row.category(), row.location().areaCode(), row.createdAt().minus(duplicateRule.window()),
                        row.createdAt().plus(duplicateRule.window()), row.id()).stream()
                .map(other -> new DuplicateProposal(other.id(), other.number(), other.status(), other.subject(), other.leadUnit(),
                        CaseRow.at(other.createdAt(), zone), Math.round(text.similarity(
                                TextSimilarity.prepare(comparedText(other.subject(), other.description()))) * 1000) / 1000.0))
                .filter(proposal -> proposal.similarity() >= duplicateRule.threshold())
                .sorted(java.util.Comparator.comparingDouble(DuplicateProposal::similarity).reversed()
                        .thenComparing(DuplicateProposal::createdAt))
                .toList();
    }

    private static String comparedText(CaseRow row) {
        return comparedText(row.subject(), row.description());
    }

    private static String comparedText(String subject, String description) {
        return description == null ? subject : subject + " " + description;
    }

    @Override
    public CaseView merge(Actor actor, CaseId caseId, MergeOrder order) {
        validate(v -> require(v, "masterId", order, () -> {
            order.validate(v);
            if (caseId != null && caseId.equals(order.masterId())) {
                v.reject("masterId", "is the case itself");
            }
        }));
        return step(actor, caseId, Step.MERGE, StandardTask.DISPATCH, (row, task) -> {
            requireNoWaitingDuplicates(row, "be merged into another case");
            CaseRow master = store.find(order.masterId()).orElseThrow(() -> new InvalidCaseException(List.of(
                    new InvalidCaseException.FieldError("masterId", "no case '" + order.masterId() + "'"))));
            // Taken like the case itself, so that a review approving the master's reply at the same time conflicts.
            master = store.lock(master.id());
            String refusal = master.masterId() != null ? "case " + master.number() + " is itself merged into another case"
                    : !MASTER_STATUSES.contains(master.status()) ? "case " + master.number() + " is " + master.status()
                            + "; a master is with a unit and has not replied yet"
                    : null;
            if (refusal != null) {
                throw new InvalidCaseException(List.of(new InvalidCaseException.FieldError("masterId", refusal)));
            }
            Instant now = clock.instant();
            store.setMaster(row.id(), master.id(), now);
            complete(actor, task, Map.of(ProcessVariables.DISPOSITION, "MERGE"));
            store.updateStatus(row.id(), CaseStatus.MERGED, now);
            double similarity = Math.round(TextSimilarity.of(comparedText(row), comparedText(master)) * 1000) / 1000.0;
            record(row.id(), CaseEventType.CASE_MERGED, actor, null, task, "merged into " + master.number() + " (\""
                    + master.subject() + "\", text similarity " + similarity + "); follows it and gets its reply" + note(order.note()));
            events.record(master.id(), CaseEventType.CASE_MERGED, now, actor.userId(), null, null, "case " + row.number()
                    + " (\"" + row.subject() + "\") merged into this case; it gets this case's reply" + note(order.note()), null, null);
        });
    }

    @Override
    public CaseView unmerge(Actor actor, CaseId caseId, String note) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        validate(v -> v.limitText("note", note, MergeOrder.MAX_NOTE));
        return execute(actor, () -> {
            CaseRow row = store.lock(caseId);
            access.checkMayPerform(actor, Step.UNMERGE, List.of());
            if (row.status() != CaseStatus.MERGED || row.masterId() == null) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number() + " is not merged into another case");
            }
            CaseRow master = store.find(row.masterId()).orElseThrow();
            if (master.status() == CaseStatus.REPLIED) {
                throw new IllegalCaseStateException(row.status(), "the master " + master.number() + " has replied; a merge can be "
                        + "undone only until then");
            }
            unmergeCase(actor, row, master, "unmerged from " + master.number() + note(note));
            engine.getRuntimeService().createMessageCorrelation(ProcessVariables.UNMERGED_MESSAGE)
                    .processInstanceBusinessKey(row.id().value()).correlateWithResult();
            return finish(actor, row);
        });
    }

    private void unmergeCase(Actor actor, CaseRow row, CaseRow master, String why) {
        Instant now = clock.instant();
        store.setMaster(row.id(), null, now);
        events.record(row.id(), CaseEventType.CASE_UNMERGED, now, actor.userId(), null, null,
                why + "; back to dispatch as a case of its own", null, null);
        events.record(master.id(), CaseEventType.CASE_UNMERGED, now, actor.userId(), null, null,
                "case " + row.number() + " is no longer merged into this case: " + why, null, null);
    }

    /** Cases a master's reply has not reached yet would wait for ever if the master ended another way. */
    private void requireNoWaitingDuplicates(CaseRow row, String what) {
        List<CaseRow> waiting = store.waitingDuplicates(row.id());
        if (!waiting.isEmpty()) {
            throw new IllegalCaseStateException(row.status(), "case " + row.number() + " cannot " + what + ": "
                    + waiting.stream().map(child -> child.number().value()).collect(Collectors.joining(", "))
                    + " are merged into it; unmerge them or dispatch it");
        }
    }

    /** The master's approved reply goes to every case merged into it, each on to its own callback. */
    private void releaseDuplicates(Actor actor, CaseRow master, Task reviewTask) {
        Object replyText = engine.getRuntimeService().getVariable(master.processInstanceId(), ProcessVariables.REPLY_TEXT);
        for (CaseRow waiting : store.waitingDuplicates(master.id())) {
            CaseRow child = store.lock(waiting.id());
            store.recordReply(child.id(), master.replyResult(), clock.instant());
            engine.getRuntimeService().createMessageCorrelation(ProcessVariables.MASTER_REPLY_MESSAGE)
                    .processInstanceBusinessKey(child.id().value())
                    .setVariable(ProcessVariables.REPLY_RESULT, master.replyResult().name())
                    .setVariable(ProcessVariables.REPLY_TEXT, replyText)
                    .correlateWithResult();
            CaseRow after = store.find(child.id()).orElseThrow();
            events.record(child.id(), CaseEventType.MASTER_REPLY_RECEIVED, clock.instant(), actor.userId(), master.leadUnit(),
                    null, "the reply of master " + master.number() + " (" + master.replyResult() + "): " + replyText
                            + "; call the citizen back by " + CaseRow.at(after.callbackDue(), zone), after.callbackDue(),
                    reviewTask.getProcessDefinitionId());
        }
    }

    @Override
    public CaseView dispatch(Actor actor, CaseId caseId, DispatchOrder order) {
        validate(v -> require(v, "leadUnit", order, () -> {
            order.validate(v);
            requireKnownUnit(v, "leadUnit", order.leadUnit());
            order.assistingUnits().forEach(unit -> requireKnownUnit(v, "assistingUnits", unit));
        }));
        return step(actor, caseId, Step.DISPATCH, StandardTask.DISPATCH, (row, task) -> dispatchTo(actor, row.id(), task, order));
    }

    private void dispatchTo(Actor actor, CaseId caseId, Task dispatchTask, DispatchOrder order) {
        Instant now = clock.instant();
        store.assignLeadUnit(caseId, order.leadUnit(), now);
        // The rows come first: the diagram's multi-instance call reads the assisting units from them.
        order.assistingUnits().forEach(unit -> assistance.request(caseId, unit, now));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.DISPOSITION, "DISPATCH");
        variables.put(ProcessVariables.ENTRY, "DISPATCH");
        variables.put(ProcessVariables.LEAD_UNIT, order.leadUnit().value());
        variables.put(ProcessVariables.ASSISTED, !order.assistingUnits().isEmpty());
        complete(actor, dispatchTask, variables);
        CaseRow after = store.find(caseId).orElseThrow();
        parts.open(caseId, order.leadUnit(), now, after.signForDue(), null, null);
        String assisted = order.assistingUnits().isEmpty() ? ""
                : "; assisted by " + order.assistingUnits().stream().map(this::describe).collect(Collectors.joining(", "));
        record(caseId, CaseEventType.CASE_DISPATCHED, actor, order.leadUnit(), dispatchTask, "dispatched to "
                + describe(order.leadUnit()) + assisted + "; sign for by " + CaseRow.at(after.signForDue(), zone)
                + "; return only until " + CaseRow.at(returnWindowEnd(after), zone) + note(order.note()), after.signForDue());
        for (AssistanceStore.Part part : order.assistingUnits().isEmpty() ? List.<AssistanceStore.Part>of() : assistance.parts(caseId)) {
            // Earlier dispatches' parts are answered or cancelled: the requested ones are this dispatch's.
            if (order.assistingUnits().contains(part.unit()) && part.status() == AssistanceStatus.REQUESTED) {
                record(caseId, CaseEventType.ASSISTANCE_REQUESTED, actor, part.unit(), dispatchTask, describe(part.unit())
                        + " assists " + describe(order.leadUnit()) + "; sign for and answer the lead unit by "
                        + CaseRow.at(part.due(), zone), part.due());
            }
        }
    }

    @Override
    public CaseView assistSignFor(Actor actor, CaseId caseId) {
        return assistStep(actor, caseId, Step.ASSIST_SIGN_FOR, StandardTask.ASSIST_SIGN_FOR, (row, task, unit) -> {
            assistance.signFor(row.id(), unit, clock.instant());
            complete(actor, task, Map.of());
            record(row.id(), CaseEventType.ASSISTANCE_SIGNED_FOR, actor, unit, task, describe(unit)
                    + " signed for its part; answer " + describe(row.leadUnit()) + " by " + CaseRow.at(dueOf(task), zone), dueOf(task));
        });
    }

    @Override
    public CaseView assistReply(Actor actor, CaseId caseId, AssistAnswer answer) {
        validate(v -> require(v, "text", answer, () -> answer.validate(v)));
        return assistStep(actor, caseId, Step.ASSIST_REPLY, StandardTask.ASSIST_ANSWER, (row, task, unit) -> {
            assistance.answer(row.id(), unit, answer.text(), clock.instant());
            complete(actor, task, Map.of());
            record(row.id(), CaseEventType.ASSISTANCE_ANSWERED, actor, unit, task,
                    describe(unit) + " answered " + describe(row.leadUnit()) + ": " + answer.text());
        });
    }

    private static Instant dueOf(Task task) {
        return task.getDueDate() == null ? null : task.getDueDate().toInstant();
    }

    private interface AssistStepBody {
        void run(CaseRow row, Task task, UnitId unit);
    }

    /**
     * An assisting unit's step: the actor must belong to an assisting unit whose part waits at that task. The unit is
     * read from the task's own instance of assisting-unit.
     */
    private CaseView assistStep(Actor actor, CaseId caseId, Step step, StandardTask standard, AssistStepBody body) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        return execute(actor, () -> {
            CaseRow row = store.lock(caseId);
            Map<UnitId, Task> waiting = new java.util.TreeMap<>(java.util.Comparator.comparing(UnitId::value));
            for (Task task : openTasks(row, standard)) {
                Object unit = engine.getTaskService().getVariable(task.getId(), ProcessVariables.ASSISTING_UNIT);
                waiting.put(UnitId.of((String) unit), task);
            }
            if (waiting.isEmpty()) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number() + " has no assisting part waiting to "
                        + step.name().toLowerCase().replace("assist_", "").replace('_', ' '));
            }
            access.checkMayPerform(actor, step, waiting.keySet());
            Map.Entry<UnitId, Task> mine = waiting.entrySet().stream().filter(entry -> actor.belongsTo(entry.getKey()))
                    .findFirst().orElseThrow();
            body.run(row, mine.getValue(), mine.getKey());
            return finish(actor, row);
        });
    }

    /** Ends the assisting parts still open, each with its own timeline entry saying why. */
    private void cancelOutstandingAssistance(Actor actor, CaseRow row, Task task, String why) {
        if (row.assistParts() == 0) {
            return;
        }
        for (UnitId unit : assistance.cancelOutstanding(row.id(), why)) {
            record(row.id(), CaseEventType.ASSISTANCE_CANCELLED, actor, unit, task, "the part of " + describe(unit)
                    + " ended without its answer: " + why);
        }
    }

    /** The end of the policy's return window, counted from the dispatch to the current lead unit. */
    private Instant returnWindowEnd(CaseRow row) {
        Instant dispatchedAt = store.dispatchedAt(row.id())
                .orElseThrow(() -> new IllegalStateException("case " + row.number() + " has no lead unit"));
        return calculator.due(dispatchedAt, policyTable.evaluate(row.category(), row.urgency())
                .returnWindow());
    }

    @Override
    public CaseView signFor(Actor actor, CaseId caseId) {
        return step(actor, caseId, Step.SIGN_FOR, StandardTask.SIGN_FOR, (row, task) -> {
            complete(actor, task, Map.of(ProcessVariables.UNIT_ACTION, "SIGN_FOR"));
            CaseRow after = store.find(row.id()).orElseThrow();
            parts.signedFor(row.id(), clock.instant(), after.handlingDue());
            record(row.id(), CaseEventType.CASE_SIGNED_FOR, actor, row.leadUnit(), task,
                    "signed for by " + describe(row.leadUnit()) + "; reply by " + CaseRow.at(after.handlingDue(), zone),
                    after.handlingDue());
        });
    }

    @Override
    public CaseView requestReturn(Actor actor, CaseId caseId, ReturnRequest request) {
        validate(v -> require(v, "reason", request, () -> request.validate(v)));
        return step(actor, caseId, Step.REQUEST_RETURN, List.of(StandardTask.SIGN_FOR, StandardTask.HANDLE), (row, task) -> {
            requireRunningClock(row);
            if (store.arbitratedUnit(row.id()).filter(unit -> unit.equals(row.leadUnit())).isPresent()) {
                throw new IllegalCaseStateException(row.status(), "the hotline office fixed " + describe(row.leadUnit())
                        + " as the lead unit of case " + row.number() + " by arbitration; it cannot return the case");
            }
            Instant windowEnd = returnWindowEnd(row);
            if (clock.instant().isAfter(windowEnd)) {
                throw new IllegalCaseStateException(row.status(), "the return window of case " + row.number() + " closed at "
                        + CaseRow.at(windowEnd, zone) + "; " + describe(row.leadUnit()) + " must handle the case");
            }
            String from = StandardTask.SIGN_FOR.taskKey().equals(task.getTaskDefinitionKey()) ? "SIGN_FOR" : "HANDLING";
            store.countReturn(row.id(), clock.instant());
            parts.returnRequested(row.id());
            complete(actor, task, Map.of(ProcessVariables.UNIT_ACTION, "REQUEST_RETURN",
                    ProcessVariables.RETURN_REQUESTED_FROM, from, ProcessVariables.RETURN_COUNT, row.returns() + 1,
                    ProcessVariables.RETURN_REASON_CODE, request.reasonCode().name(),
                    ProcessVariables.RETURN_REASON, request.reason()));
            // The diagram decides whether this return is a dispute; the timeline says what it decided.
            boolean disputed = store.find(row.id()).orElseThrow().status() == CaseStatus.DISPUTED;
            String dispute = disputed ? "; returned " + (row.returns() + 1) + " times, the case is disputed and the hotline "
                    + "office arbitrates" : "";
            record(row.id(), CaseEventType.RETURN_REQUESTED, actor, row.leadUnit(), task, describe(row.leadUnit())
                    + " asks to return the case (" + request.reasonCode() + "): " + request.reason() + dispute);
        });
    }

    @Override
    public CaseView decideReturn(Actor actor, CaseId caseId, ReturnDecision decision) {
        validate(v -> require(v, "accepted", decision, () -> {
            decision.validate(v);
            if (decision.newLeadUnit() != null) {
                requireKnownUnit(v, "newLeadUnit", decision.newLeadUnit());
            }
        }));
        return step(actor, caseId, Step.DECIDE_RETURN, StandardTask.DECIDE_RETURN, (row, task) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessVariables.RETURN_ACCEPTED, decision.accepted());
            if (decision.accepted()) {
                variables.put(ProcessVariables.HANDLING_OUTCOME, "RETURNED");
                store.assignLeadUnit(row.id(), null, clock.instant());
                parts.end(row.id(), PartStore.Ending.RETURNED);
            }
            complete(actor, task, variables);
            if (!decision.accepted()) {
                record(row.id(), CaseEventType.RETURN_REJECTED, actor, null, task,
                        "return by " + describe(row.leadUnit()) + " rejected; the unit must handle the case" + note(decision.note()));
                recordImproperReturn(actor, row, task, decision.note());
                return;
            }
            record(row.id(), CaseEventType.RETURN_ACCEPTED, actor, null, task,
                    "return by " + describe(row.leadUnit()) + " accepted" + note(decision.note()));
            cancelOutstandingAssistance(actor, row, task, "the return by " + describe(row.leadUnit()) + " was accepted");
            if (decision.newLeadUnit() != null) {
                dispatchTo(actor, row.id(), createdInThisCommand(row, StandardTask.DISPATCH),
                        new DispatchOrder(decision.newLeadUnit(), decision.note()));
            }
        });
    }

    @Override
    public CaseView arbitrate(Actor actor, CaseId caseId, Arbitration arbitration) {
        validate(v -> require(v, "leadUnit", arbitration, () -> {
            arbitration.validate(v);
            if (arbitration.leadUnit() != null) {
                requireKnownUnit(v, "leadUnit", arbitration.leadUnit());
            }
        }));
        return step(actor, caseId, Step.ARBITRATE, StandardTask.ARBITRATE, (row, task) -> {
            UnitId fixed = arbitration.leadUnit();
            boolean moves = !fixed.equals(row.leadUnit());
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessVariables.RETURN_ACCEPTED, moves);
            if (moves) {
                variables.put(ProcessVariables.HANDLING_OUTCOME, "RETURNED");
                store.assignLeadUnit(row.id(), null, clock.instant());
                parts.end(row.id(), PartStore.Ending.ARBITRATED_AWAY);
            }
            store.setArbitratedUnit(row.id(), fixed);
            complete(actor, task, variables);
            record(row.id(), CaseEventType.DISPUTE_ARBITRATED, actor, fixed, task, "dispute arbitrated: " + describe(fixed)
                    + " is the lead unit and cannot return the case" + note(arbitration.note()));
            if (!moves) {
                recordImproperReturn(actor, row, task, arbitration.note());
            } else {
                cancelOutstandingAssistance(actor, row, task, "the arbitration gave the case to " + describe(fixed));
                dispatchTo(actor, row.id(), createdInThisCommand(row, StandardTask.DISPATCH),
                        new DispatchOrder(fixed, "fixed by arbitration"));
            }
        });
    }

    /** A return the hotline office turns down is an attempt to push the case away (推诿): the unit answers for it. */
    private void recordImproperReturn(Actor actor, CaseRow row, Task task, String decisionNote) {
        String fact = describe(row.leadUnit()) + " returned case " + row.number() + " improperly" + note(decisionNote);
        facts.record(engine, row.id(), row.leadUnit(), FactKind.IMPROPER_RETURN, fact, actor.userId(), task.getTaskDefinitionKey(),
                task.getProcessDefinitionId());
    }

    @Override
    public CaseView requestTransfer(Actor actor, CaseId caseId, TransferRequest request) {
        validate(v -> require(v, "toUnit", request, () -> {
            request.validate(v);
            requireKnownUnit(v, "toUnit", request.toUnit());
        }));
        return step(actor, caseId, Step.TRANSFER, StandardTask.HANDLE, (row, task) -> {
            requireRunningClock(row);
            if (!directory.isBelow(request.toUnit(), row.leadUnit())) {
                throw new InvalidCaseException(List.of(new InvalidCaseException.FieldError("toUnit", describe(request.toUnit())
                        + " is not below the lead unit " + describe(row.leadUnit()) + "; a case passes down to a subordinate unit only")));
            }
            if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(row.id().value())
                    .taskDefinitionKey(StandardTask.APPROVE_TRANSFER_TASK).count() > 0) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number()
                        + " already has a transfer waiting for the hotline office");
            }
            if (policyTable.evaluate(row.category(), row.urgency()).transferNeedsApproval()) {
                engine.getRuntimeService().createMessageCorrelation(ProcessVariables.TRANSFER_MESSAGE)
                        .processInstanceId(task.getProcessInstanceId())
                        .setVariable(ProcessVariables.TRANSFER_TO, request.toUnit().value())
                        .setVariable(ProcessVariables.TRANSFER_REASON, request.reason())
                        .correlateWithResult();
                record(row.id(), CaseEventType.TRANSFER_REQUESTED, actor, row.leadUnit(), task, describe(row.leadUnit())
                        + " asks to pass the case down to " + describe(request.toUnit()) + ": " + request.reason()
                        + "; the hotline office approves", row.handlingDue());
                return;
            }
            transfers.transfer(engine, row, task.getProcessInstanceId(), request.toUnit(), actor.userId(), request.reason(),
                    task.getTaskDefinitionKey(), task.getProcessDefinitionId());
        });
    }

    @Override
    public CaseView requestExtension(Actor actor, CaseId caseId, ExtensionRequest request) {
        validate(v -> require(v, "workingDays", request, () -> request.validate(v)));
        return step(actor, caseId, Step.REQUEST_EXTENSION, StandardTask.HANDLE, (row, task) -> {
            requireRunningClock(row);
            if (!openTasks(row, StandardTask.DECIDE_EXTENSION).isEmpty()) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number()
                        + " already has an extension request waiting for the hotline office");
            }
            Instant now = clock.instant();
            if (row.handlingDue() == null || now.isAfter(row.handlingDue())) {
                throw new IllegalCaseStateException(row.status(), "the handling deadline " + CaseRow.at(row.handlingDue(), zone)
                        + " has passed: an extension must be asked for before it");
            }
            DeadlinePolicy policy = policyTable.evaluate(row.category(), row.urgency());
            int cap = policy.extensionCap().amount();
            if (row.extendedWorkingDays() + request.workingDays() > cap) {
                throw new InvalidCaseException(List.of(new InvalidCaseException.FieldError("workingDays",
                        "at most " + Math.max(0, cap - row.extendedWorkingDays()) + " more working days can be granted: the cap is "
                                + cap + " and " + row.extendedWorkingDays() + " were granted already")));
            }
            Instant decisionDue = calculator.due(now, policy.extensionDecisionLimit());
            engine.getRuntimeService().createMessageCorrelation(ProcessVariables.EXTENSION_MESSAGE)
                    .processInstanceId(task.getProcessInstanceId())
                    .setVariable(ProcessVariables.EXTENSION_WORKING_DAYS, request.workingDays())
                    .setVariable(ProcessVariables.EXTENSION_DECISION_DUE, Date.from(decisionDue))
                    .setVariable("extensionReason", request.reason())
                    .correlateWithResult();
            record(row.id(), CaseEventType.EXTENSION_REQUESTED, actor, row.leadUnit(), task, describe(row.leadUnit()) + " asks for "
                    + request.workingDays() + " more working days: " + request.reason() + "; the hotline office decides by "
                    + CaseRow.at(decisionDue, zone), decisionDue);
        });
    }

    @Override
    public CaseView decideExtension(Actor actor, CaseId caseId, ExtensionDecision decision) {
        validate(v -> require(v, "approved", decision, () -> decision.validate(v)));
        return step(actor, caseId, Step.DECIDE_EXTENSION, StandardTask.DECIDE_EXTENSION, (row, task) -> {
            var runtime = engine.getRuntimeService();
            int days = ((Number) runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.EXTENSION_WORKING_DAYS)).intValue();
            if (!decision.approved()) {
                complete(actor, task, Map.of(ProcessVariables.EXTENSION_APPROVED, false));
                record(row.id(), CaseEventType.EXTENSION_REFUSED, actor, row.leadUnit(), task, "extension of " + days
                        + " working days refused; the deadline stays " + CaseRow.at(row.handlingDue(), zone) + note(decision.note()),
                        row.handlingDue());
                return;
            }
            Instant now = clock.instant();
            DeadlinePolicy policy = policyTable.evaluate(row.category(), row.urgency());
            Instant newDue = calculator.extend(row.handlingDue(), days);
            Instant yellowCard = calculator.yellowCardAt(new Deadline(ClockKind.HANDLING, now.isAfter(newDue) ? newDue : now,
                    TimeLimit.workingDays(days), newDue), policy.yellowCardLead());
            reenterHandling(task.getProcessInstanceId(), newDue, yellowCard);
            store.setDeadline(row.id(), ClockKind.HANDLING, newDue, now);
            store.addExtension(row.id(), days, now);
            parts.handlingDue(row.id(), newDue);
            complete(actor, task, Map.of(ProcessVariables.EXTENSION_APPROVED, true));
            record(row.id(), CaseEventType.EXTENSION_APPROVED, actor, row.leadUnit(), task, "extension of " + days
                    + " working days approved; reply by " + CaseRow.at(newDue, zone) + " instead of "
                    + CaseRow.at(row.handlingDue(), zone) + note(decision.note()), newDue);
            facts.extensionApproved(engine, row.id(), row.leadUnit(), actor.userId(), task.getTaskDefinitionKey(),
                    task.getProcessDefinitionId());
        });
    }

    @Override
    public CaseView requestSuspension(Actor actor, CaseId caseId, SuspensionRequest request) {
        validate(v -> require(v, "reason", request, () -> request.validate(v)));
        return step(actor, caseId, Step.SUSPEND, StandardTask.HANDLE, (row, task) -> {
            requireRunningClock(row);
            if (!openTasks(row, StandardTask.DECIDE_SUSPENSION).isEmpty()) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number()
                        + " already has a suspension request waiting for the hotline office");
            }
            if (row.handlingDue() == null || clock.instant().isAfter(row.handlingDue())) {
                throw new IllegalCaseStateException(row.status(), "the handling deadline " + CaseRow.at(row.handlingDue(), zone)
                        + " has passed: a clock that ran out cannot be paused");
            }
            DeadlinePolicy policy = policyTable.evaluate(row.category(), row.urgency());
            if (policy.suspensionNeedsApproval()) {
                engine.getRuntimeService().createMessageCorrelation(ProcessVariables.SUSPENSION_MESSAGE)
                        .processInstanceId(task.getProcessInstanceId())
                        .setVariable("suspensionReason", request.reason())
                        .correlateWithResult();
                record(row.id(), CaseEventType.SUSPENSION_REQUESTED, actor, row.leadUnit(), task,
                        describe(row.leadUnit()) + " asks to pause its clock: " + request.reason(), row.handlingDue());
                return;
            }
            suspend(actor, row, task, request.reason(), policy);
        });
    }

    @Override
    public CaseView decideSuspension(Actor actor, CaseId caseId, SuspensionDecision decision) {
        validate(v -> require(v, "approved", decision, () -> decision.validate(v)));
        return step(actor, caseId, Step.DECIDE_SUSPENSION, StandardTask.DECIDE_SUSPENSION, (row, task) -> {
            String reason = (String) engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "suspensionReason");
            complete(actor, task, Map.of(ProcessVariables.SUSPENSION_APPROVED, decision.approved()));
            if (!decision.approved()) {
                record(row.id(), CaseEventType.SUSPENSION_REFUSED, actor, row.leadUnit(), task,
                        "suspension refused; the clock runs on" + note(decision.note()), row.handlingDue());
                return;
            }
            Task handling = currentTask(row, List.of(StandardTask.HANDLE), "be suspended");
            suspend(actor, row, handling, reason + note(decision.note()),
                    policyTable.evaluate(row.category(), row.urgency()));
        });
    }

    /** Stops the handling clock: keeps what is left of it and holds its card timers. */
    private void suspend(Actor actor, CaseRow row, Task handling, String reason, DeadlinePolicy policy) {
        Instant now = clock.instant();
        PausedClock paused = calculator.pause(now, row.handlingDue(), policy.handling().unit());
        store.suspend(row.id(), paused);
        var management = engine.getManagementService();
        management.createJobQuery().processInstanceId(handling.getProcessInstanceId()).timers().list()
                .forEach(job -> management.suspendJobById(job.getId()));
        record(row.id(), CaseEventType.CASE_SUSPENDED, actor, row.leadUnit(), handling,
                "handling clock paused with " + paused + ": " + reason, row.handlingDue());
    }

    @Override
    public CaseView resume(Actor actor, CaseId caseId) {
        return step(actor, caseId, Step.RESUME, StandardTask.HANDLE, (row, task) -> {
            if (row.pausedClock() == null) {
                throw new IllegalCaseStateException(row.status(), "case " + row.number() + " is not suspended");
            }
            Instant now = clock.instant();
            Instant newDue = calculator.resume(row.pausedClock(), now);
            DeadlinePolicy policy = policyTable.evaluate(row.category(), row.urgency());
            Instant yellowCard = calculator.yellowCardAt(new Deadline(ClockKind.HANDLING, now, TimeLimit.workingDays(0), newDue),
                    policy.yellowCardLead());
            reenterHandling(task.getProcessInstanceId(), newDue, yellowCard);
            store.resume(row.id(), now);
            store.setDeadline(row.id(), ClockKind.HANDLING, newDue, now);
            parts.handlingDue(row.id(), newDue);
            Duration paused = Duration.between(row.suspendedSince(), now);
            record(row.id(), CaseEventType.CASE_RESUMED, actor, row.leadUnit(), task, "handling clock runs again after "
                    + describe(paused) + " (since " + CaseRow.at(row.suspendedSince(), zone) + "); reply by " + CaseRow.at(newDue, zone),
                    newDue);
        });
    }

    private static void requireRunningClock(CaseRow row) {
        if (row.suspendedSince() != null) {
            throw new IllegalCaseStateException(row.status(), "case " + row.number() + " is suspended: resume it first");
        }
    }

    /**
     * Moves the handling deadline: the handling task is entered again, which re-arms its yellow and red cards for the
     * new deadline and drops the old ones (a process-instance modification, recorded in the engine's history).
     */
    private void reenterHandling(String processInstanceId, Instant newDue, Instant yellowCard) {
        var runtime = engine.getRuntimeService();
        runtime.setVariable(processInstanceId, ProcessVariables.HANDLING_DUE, Date.from(newDue));
        runtime.setVariable(processInstanceId, ProcessVariables.HANDLING_YELLOW_AT, Date.from(yellowCard));
        runtime.createProcessInstanceModification(processInstanceId)
                .cancelAllForActivity(StandardTask.HANDLE.taskKey())
                .startBeforeActivity(StandardTask.HANDLE.taskKey())
                .execute();
    }

    private static String describe(Duration duration) {
        long hours = duration.toHours();
        return hours >= 24 ? (hours / 24) + " days " + (hours % 24) + " hours" : hours + " hours " + duration.toMinutesPart() + " minutes";
    }

    @Override
    public CaseView reply(Actor actor, CaseId caseId, Reply reply) {
        validate(v -> require(v, "result", reply, () -> reply.validate(v)));
        return step(actor, caseId, Step.REPLY, StandardTask.HANDLE, (row, task) -> {
            requireRunningClock(row);
            List<UnitId> outstanding = partsOf(row).stream().filter(part -> part.status().outstanding())
                    .map(AssistanceStore.Part::unit).toList();
            boolean reasoned = reply.outstandingAssistanceReason() != null && !reply.outstandingAssistanceReason().isBlank();
            if (!outstanding.isEmpty() && !reasoned) {
                throw new InvalidCaseException(List.of(new InvalidCaseException.FieldError("outstandingAssistanceReason",
                        "is required: the answer of " + outstanding.stream().map(this::describe).collect(Collectors.joining(", "))
                                + " is outstanding; record why the lead unit replies without it")));
            }
            store.recordReply(row.id(), reply.result(), clock.instant());
            parts.replied(row.id(), clock.instant());
            complete(actor, task, Map.of(ProcessVariables.UNIT_ACTION, "REPLY", ProcessVariables.HANDLING_OUTCOME, "REPLIED",
                    ProcessVariables.REPLY_RESULT, reply.result().name(), ProcessVariables.REPLY_TEXT, reply.text()));
            record(row.id(), CaseEventType.CASE_REPLIED, actor, row.leadUnit(), task, reply.result() + ": " + reply.text()
                    + (outstanding.isEmpty() ? "" : "; replied before the answer of "
                            + outstanding.stream().map(this::describe).collect(Collectors.joining(", ")) + " because: "
                            + reply.outstandingAssistanceReason()));
            if (!outstanding.isEmpty()) {
                cancelOutstandingAssistance(actor, row, task, describe(row.leadUnit()) + " replied for the case without it: "
                        + reply.outstandingAssistanceReason());
            }
        });
    }

    @Override
    public CaseView review(Actor actor, CaseId caseId, ReviewDecision decision) {
        validate(v -> require(v, "approved", decision, () -> decision.validate(v)));
        return step(actor, caseId, Step.REVIEW, StandardTask.REVIEW, (row, task) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessVariables.REVIEW_APPROVED, decision.approved());
            if (!decision.approved()) {
                variables.put(ProcessVariables.ENTRY, "REVISE");
            }
            complete(actor, task, variables);
            if (decision.approved()) {
                CaseRow after = store.find(row.id()).orElseThrow();
                record(row.id(), CaseEventType.REPLY_APPROVED, actor, null, task,
                        "reply approved; call the citizen back by " + CaseRow.at(after.callbackDue(), zone) + note(decision.comment()),
                        after.callbackDue());
                releaseDuplicates(actor, after, task);
            } else {
                record(row.id(), CaseEventType.REPLY_SENT_BACK, actor, null, task,
                        "reply sent back to " + describe(row.leadUnit()) + ": " + decision.comment());
            }
        });
    }

    @Override
    public CaseView callback(Actor actor, CaseId caseId, CallbackResult result) {
        validate(v -> require(v, "satisfaction", result, () -> result.validate(v)));
        return step(actor, caseId, Step.CALLBACK, StandardTask.CALLBACK, (row, task) -> {
            Instant now = clock.instant();
            store.recordCallback(row.id(), result.satisfaction(), result.resolved(), now);
            parts.calledBack(row.id(), now, result.satisfaction(), result.resolved());
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessVariables.SATISFACTION, result.satisfaction().name());
            variables.put(ProcessVariables.RESOLVED, result.resolved());
            if (result.satisfaction() == Satisfaction.UNSATISFIED) {
                // Only the unsatisfied branches read these; each variable written is a runtime and a history row.
                variables.put(ProcessVariables.REOPENS, row.reopens());
                variables.put(ProcessVariables.ENTRY, "REWORK");
                variables.put(ProcessVariables.MERGED, row.masterId() != null);
            }
            complete(actor, task, variables);
            record(row.id(), CaseEventType.CALLBACK_RECORDED, actor, null, task, result.satisfaction()
                    + (result.resolved() == null ? "" : result.resolved() ? ", resolved" : ", not resolved") + note(result.comment()));
            if (row.masterId() != null && result.satisfaction() == Satisfaction.UNSATISFIED) {
                unmergeCase(actor, row, store.find(row.masterId()).orElseThrow(),
                        "the citizen is not satisfied with the master's reply");
            }
            afterReopenChoice(actor, row, task);
        });
    }

    @Override
    public CaseView decideAfterReopenLimit(Actor actor, CaseId caseId, ReopenLimitDecision decision) {
        validate(v -> require(v, "close", decision, () -> decision.validate(v)));
        return step(actor, caseId, Step.DECIDE_AFTER_REOPEN_LIMIT, StandardTask.DECIDE_AFTER_REOPEN_LIMIT, (row, task) -> {
            complete(actor, task, Map.of(ProcessVariables.CLOSE_CASE, decision.close(), ProcessVariables.REOPENS, row.reopens(),
                    ProcessVariables.ENTRY, "REWORK"));
            afterReopenChoice(actor, row, task);
            if (decision.close()) {
                record(row.id(), CaseEventType.TASK_COMPLETED, actor, null, task, "closed after review: " + decision.note());
            }
        });
    }

    /** After a callback or reopen decision: count a reopen, or note that the limit is reached. */
    private void afterReopenChoice(Actor actor, CaseRow before, Task task) {
        CaseRow after = store.find(before.id()).orElseThrow();
        if (after.status() == CaseStatus.IN_PROGRESS) {
            store.countReopen(before.id(), clock.instant());
            parts.reopened(before.id());
            CaseRow reopened = store.find(before.id()).orElseThrow();
            record(before.id(), CaseEventType.CASE_REOPENED, actor, after.leadUnit(), task, "reopened (" + reopened.reopens()
                    + ") to " + describe(after.leadUnit()) + "; reply again by " + CaseRow.at(reopened.handlingDue(), zone),
                    reopened.handlingDue());
        } else if (after.status() == CaseStatus.REOPEN_LIMIT_REACHED) {
            record(before.id(), CaseEventType.REOPEN_LIMIT_REACHED, actor, null, task,
                    "still unsatisfied after " + after.reopens() + " reopens; the hotline office decides");
            facts.record(engine, before.id(), after.leadUnit(), FactKind.REOPEN_LIMIT_EXCEEDED, describe(after.leadUnit())
                    + " left the citizen of case " + before.number() + " unsatisfied after " + after.reopens() + " reopens",
                    actor.userId(), task.getTaskDefinitionKey(), task.getProcessDefinitionId());
        }
    }

    @Override
    public CaseView caseView(Actor actor, CaseId caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return execute(actor, () -> {
            CaseRow row = store.find(caseId).orElseThrow(() -> new CaseNotFoundException("case", caseId.value()));
            access.checkMaySee(actor, unitsOf(row));
            return view(actor, row);
        });
    }

    @Override
    public List<UnitReturns> returnsByUnit(Actor actor, LocalDate from, LocalDate to) {
        Objects.requireNonNull(actor, "actor");
        validate(v -> {
            v.require("from", from).require("to", to);
            if (from != null && to != null && to.isBefore(from)) {
                v.reject("to", "is before from (" + from + ")");
            }
        });
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        boolean all = actor.isHotlineOffice() || actor.has(Role.AUDITOR);
        return execute(actor, () -> {
            Map<UnitId, Long> returns = store.countEventsByUnit(CaseEventType.RETURN_REQUESTED, start, end);
            Map<UnitId, Long> improper = store.countFactsByUnit(FactKind.IMPROPER_RETURN, start, end);
            Set<UnitId> units = new java.util.HashSet<>(returns.keySet());
            units.addAll(improper.keySet());
            return units.stream().filter(unit -> all || actor.belongsTo(unit))
                    .map(unit -> new UnitReturns(unit, returns.getOrDefault(unit, 0L), improper.getOrDefault(unit, 0L)))
                    .sorted(java.util.Comparator.comparingLong(UnitReturns::returns).reversed()
                            .thenComparing(counts -> counts.unit().value()))
                    .toList();
        });
    }

    @Override
    public Page<CaseView> cases(Actor actor, CaseQuery query) {
        Objects.requireNonNull(query, "query");
        Set<UnitId> visible = null;
        if (!actor.isHotlineOffice() && !actor.has(Role.AUDITOR)) {
            if (query.unit() != null && !actor.belongsTo(query.unit())) {
                throw new NotAuthorizedException("user '" + actor.userId() + "' may not list the cases of unit '" + query.unit() + "'");
            }
            visible = actor.units();
        }
        Set<UnitId> visibleUnits = visible;
        return execute(actor, () -> {
            Page<CaseRow> rows = store.query(query, visibleUnits);
            Map<CaseId, List<AssistanceStore.Part>> parts = assistance.partsOf(rows.items().stream()
                    .filter(row -> row.assistParts() > 0).map(CaseRow::id).toList());
            return new Page<>(rows.items().stream().map(row -> view(actor, row, parts.getOrDefault(row.id(), List.of()))).toList(),
                    rows.page(), rows.size(), rows.total());
        });
    }

    @Override
    public List<TaskView> openTasks(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return execute(actor, () -> {
            List<String> groups = candidateGroups(actor);
            TaskQuery query = engine.getTaskService().createTaskQuery();
            if (groups.isEmpty()) {
                query.taskAssignee(actor.userId());
            } else {
                query.or().taskCandidateGroupIn(groups).taskAssignee(actor.userId()).endOr();
            }
            List<Task> tasks = query.orderByTaskCreateTime().asc().listPage(0, MAX_OPEN_TASKS);
            Map<String, String> businessKeys = businessKeys(tasks);
            Map<String, CaseRow> cases = store.findAll(businessKeys.values().stream().distinct().map(CaseId::of).toList())
                    .stream().collect(Collectors.toMap(row -> row.id().value(), Function.identity()));
            List<TaskView> views = new ArrayList<>();
            for (Task task : tasks) {
                CaseRow row = cases.get(businessKeys.get(task.getProcessInstanceId()));
                if (row == null) {
                    continue;
                }
                Step step = StandardTask.byTaskKey(task.getTaskDefinitionKey()).map(StandardTask::step).orElse(null);
                UnitId unit = step != null && step.side() == Step.Side.ASSISTING_UNIT
                        ? UnitId.of((String) engine.getTaskService().getVariable(task.getId(), ProcessVariables.ASSISTING_UNIT))
                        : row.leadUnit();
                views.add(new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), step, row.id(), row.number(),
                        unit, step == Step.DISPATCH ? row.routingSuggestion() : null,
                        CaseRow.at(task.getCreateTime().toInstant(), zone),
                        task.getDueDate() == null ? null : CaseRow.at(task.getDueDate().toInstant(), zone)));
            }
            return views;
        });
    }

    @Override
    public CaseView completeTask(Actor actor, String taskId, Map<String, Object> variables) {
        Objects.requireNonNull(actor, "actor");
        Map<String, Object> values = variables == null ? Map.of() : variables;
        validate(v -> validateVariables(v, values));
        return execute(actor, () -> {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                throw new CaseNotFoundException("open task", taskId);
            }
            String businessKey = businessKeys(List.of(task)).get(task.getProcessInstanceId());
            if (businessKey == null) {
                throw new CaseNotFoundException("case of task", taskId);
            }
            CaseRow row = store.lock(CaseId.of(businessKey));
            if (!isCandidate(actor, task)) {
                throw new NotAuthorizedException("user '" + actor.userId() + "' is not a candidate for task " + task.getTaskDefinitionKey());
            }
            var standard = StandardTask.byTaskKey(task.getTaskDefinitionKey());
            if (standard.isPresent()) {
                throw new IllegalCaseStateException(row.status(), "task " + task.getTaskDefinitionKey()
                        + " is a standard step: use the " + standard.get().step().name().toLowerCase().replace('_', ' ')
                        + " operation, which checks and records it");
            }
            validateAnswers(task.getTaskDefinitionKey(), values);
            complete(actor, task, values);
            record(row.id(), CaseEventType.TASK_COMPLETED, actor, null, task,
                    "completed " + task.getTaskDefinitionKey() + " (" + task.getName() + ")" + (values.isEmpty() ? "" : " with " + values));
            return finish(actor, row);
        });
    }

    @Override
    public List<TimelineEntry> timeline(Actor actor, CaseId caseId) {
        return execute(actor, () -> {
            CaseRow row = store.find(caseId).orElseThrow(() -> new CaseNotFoundException("case", caseId.value()));
            access.checkMaySee(actor, unitsOf(row));
            return auditEntries(caseId);
        });
    }

    @Override
    public List<TimelineEntry> fullTimeline(Actor actor, CaseId caseId) {
        return execute(actor, () -> {
            CaseRow row = store.find(caseId).orElseThrow(() -> new CaseNotFoundException("case", caseId.value()));
            access.checkMaySee(actor, unitsOf(row));
            List<TimelineEntry> entries = new ArrayList<>(auditEntries(caseId));
            entries.addAll(new EngineHistory(engine.getHistoryService(), engine.getTaskService(), zone).entries(caseId));
            entries.sort(java.util.Comparator.comparing(TimelineEntry::at));
            return entries;
        });
    }

    /** The units that have or had the case: who of the units may see it. */
    private java.util.Set<UnitId> unitsOf(CaseRow row) {
        java.util.Set<UnitId> units = new java.util.HashSet<>(store.unitsOf(row.id()));
        if (row.leadUnit() != null) {
            units.add(row.leadUnit());
        }
        return units;
    }

    private List<TimelineEntry> auditEntries(CaseId caseId) {
        return store.events(caseId).stream()
                .map(e -> new TimelineEntry(e.sequence(), e.type(), CaseRow.at(e.occurredAt(), zone), e.actor(), e.actorUnit(),
                        e.detail(), TimelineEntry.Source.AUDIT, e.type().eventName(), e.taskKey(), null))
                .toList();
    }

    /** The engine behind this facade, for hosts that need Camunda directly. */
    public ProcessEngine processEngine() {
        return engine;
    }

    // ---- the shape every step shares --------------------------------------------------------------

    private interface StepBody {
        void run(CaseRow row, Task task);
    }

    private CaseView step(Actor actor, CaseId caseId, Step step, StandardTask task, StepBody body) {
        return step(actor, caseId, step, List.of(task), body);
    }

    private CaseView step(Actor actor, CaseId caseId, Step step, List<StandardTask> tasks, StepBody body) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        return execute(actor, () -> {
            CaseRow row = store.lock(caseId);
            access.checkMayPerform(actor, step, row.leadUnit());
            Task task = currentTask(row, tasks, step.name().toLowerCase().replace('_', ' '));
            body.run(row, task);
            return finish(actor, row);
        });
    }

    private CaseView finish(Actor actor, CaseRow before) {
        CaseRow after = store.find(before.id()).orElseThrow();
        if (after.status() == CaseStatus.CLOSED && before.status() != CaseStatus.CLOSED) {
            events.record(after.id(), CaseEventType.CASE_CLOSED, clock.instant(), actor.userId(), null, null, "case closed", null, null);
        }
        return view(actor, after);
    }

    private List<Task> openTasks(CaseRow row, StandardTask... tasks) {
        String[] keys = java.util.Arrays.stream(tasks).map(StandardTask::taskKey).toArray(String[]::new);
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(row.id().value()).taskDefinitionKeyIn(keys).list();
    }

    private Task currentTask(CaseRow row, List<StandardTask> tasks, String what) {
        // The case row names its open standard tasks: found by id, the task needs no query over the engine's tasks.
        for (StandardTask standard : tasks) {
            String id = store.openTaskId(row.id(), standard.taskKey());
            TaskEntity task = id == null ? null : Context.getCommandContext().getTaskManager().findTaskById(id);
            if (task != null && standard.taskKey().equals(task.getTaskDefinitionKey())) {
                return task;
            }
        }
        List<Task> open = openTasks(row, tasks.toArray(StandardTask[]::new));
        if (open.isEmpty()) {
            Set<CaseStatus> expected = tasks.stream().map(StandardTask::status).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            throw new IllegalCaseStateException(row.status(), "case " + row.number() + " cannot " + what + " now: that needs status "
                    + expected.stream().map(Enum::name).collect(Collectors.joining(" or ")));
        }
        return open.get(0);
    }

    /**
     * A task the engine created earlier in the running command. The engine writes its entities only when the
     * command ends, so a task query cannot see it yet; its entity cache can.
     */
    private static Task createdInThisCommand(CaseRow row, StandardTask standard) {
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
                .filter(task -> !task.isDeleted())
                .filter(task -> standard.taskKey().equals(task.getTaskDefinitionKey()))
                .filter(task -> row.processInstanceId().equals(task.getProcessInstanceId()))
                .findFirst()
                .orElseThrow(() -> new IllegalCaseStateException(row.status(), "case " + row.number() + " did not reach "
                        + standard.taskKey() + " as the diagram should"));
    }

    private void complete(Actor actor, Task task, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        // The assignee in Camunda's history is who completed the step; auditors read it there too. The task is the
        // running command's own entity and is about to end: its field is enough for the history of the completion.
        // Setting it as a change of assignee would also write an assignment to the identity-link history, a task
        // worker metric and an operation-log entry, three statements per step that say nothing the audit log does not.
        if (!actor.userId().equals(task.getAssignee())) {
            if (task instanceof TaskEntity entity) {
                entity.setAssigneeWithoutCascade(actor.userId());
            } else {
                tasks.setAssignee(task.getId(), actor.userId());
            }
        }
        tasks.complete(task.getId(), variables);
    }

    private void record(CaseId caseId, CaseEventType type, Actor actor, UnitId unit, Task task, String detail) {
        record(caseId, type, actor, unit, task, detail, null);
    }

    /** @param deadline the deadline the step sets, if any; listeners receive it with the event */
    private void record(CaseId caseId, CaseEventType type, Actor actor, UnitId unit, Task task, String detail, Instant deadline) {
        events.record(caseId, type, clock.instant(), actor.userId(), unit, task == null ? null : task.getTaskDefinitionKey(),
                detail, deadline, task == null ? null : task.getProcessDefinitionId());
    }

    private <T> T execute(Actor actor, Supplier<T> body) {
        return inCommand(engine, commands, actor, body);
    }

    /**
     * Runs {@code body} as one engine command (one transaction) on behalf of {@code actor}: the engine's authentication
     * is the actor's, refusals stay refusals, and a concurrent change of the same rows becomes a retryable
     * {@link CaseConflictException}.
     */
    static <T> T inCommand(ProcessEngine engine, CommandExecutor commands, Actor actor, Supplier<T> body) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(actor.userId(), candidateGroups(actor));
        ApiCalls.enter();
        try {
            return RefusedCommand.run(commands, () -> {
                // Who may see and do what is the library's access rule, checked on every call. The engine's tenant
                // check would only add "TENANT_ID_ IS NULL" to every query for an authenticated user without
                // tenants, and PostgreSQL then plans the task look-up through the tenant index: a scan of every
                // open task, slower with every case the city has open.
                Context.getCommandContext().disableTenantCheck();
                // The audit log records each call with its actor, reason and unit, chained; the engine's operation
                // log would add an unchained entry per engine service the call uses (a completion, a start, a
                // correlation): a statement per call that no one reads. Operations done in the engine's own tools
                // (Cockpit, the REST API) are outside this command and keep their entries.
                Context.getCommandContext().disableUserOperationLog();
                return body.get();
            });
        } catch (OptimisticLockingException e) {
            throw new CaseConflictException("the case was changed by another action at the same time; re-read it and retry", e);
        } catch (CaseStoreException e) {
            if (isTransientConflict(e)) {
                throw new CaseConflictException("the case was changed by another action at the same time; re-read it and retry", e);
            }
            throw e;
        } finally {
            ApiCalls.exit();
            identity.clearAuthentication();
        }
    }

    /** Deadlock or serialization failure (SQLState class 40): another transaction won; retrying is safe. */
    private static boolean isTransientConflict(CaseStoreException e) {
        String state = ((java.sql.SQLException) e.getCause()).getSQLState();
        return state != null && state.startsWith("40");
    }

    private CaseView view(Actor actor, CaseRow row) {
        return view(actor, row, partsOf(row));
    }

    /** The assisting parts of the case; most cases never had one, and their row says so. */
    private List<AssistanceStore.Part> partsOf(CaseRow row) {
        return row.assistParts() == 0 ? List.of() : assistance.parts(row.id());
    }

    private CaseView view(Actor actor, CaseRow row, List<AssistanceStore.Part> parts) {
        Caller caller = row.caller();
        return row.toView(zone, access.maySeeCallerContact(actor, row.leadUnit(), caller != null && caller.confidential()),
                parts.stream().map(part -> part.toView(zone)).toList());
    }

    private Map<String, String> businessKeys(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    static List<String> candidateGroups(Actor actor) {
        List<String> groups = new ArrayList<>();
        if (actor.isHotlineOffice()) {
            groups.add(HOTLINE_OFFICE_GROUP);
        }
        if (actor.has(Role.SUPERVISOR)) {
            groups.add(EscalateDelegate.SUPERVISION_GROUP);
        }
        if (actor.isUnitMember()) {
            actor.units().stream().map(unit -> UNIT_GROUP_PREFIX + unit.value()).sorted().forEach(groups::add);
        }
        return groups;
    }

    private boolean isCandidate(Actor actor, Task task) {
        if (actor.userId().equals(task.getAssignee())) {
            return true;
        }
        List<String> groups = candidateGroups(actor);
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (actor.userId().equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    // ---- validation ------------------------------------------------------------------------------

    private static void validate(Consumer<Validation> rules) {
        Validation validation = new Validation();
        rules.accept(validation);
        validation.throwIfInvalid();
    }

    private static void require(Validation v, String field, Object command, Runnable rules) {
        if (command == null) {
            v.reject(field, "is required");
        } else {
            rules.run();
        }
    }

    private void requireKnownUnit(Validation v, String field, UnitId unit) {
        if (unit != null && !directory.exists(unit)) {
            v.reject(field, "unknown unit '" + unit + "'");
        }
    }

    /**
     * The variables of the tasks completed through the generic task API whose answers the library's diagrams and
     * delegates read: without them the engine could only fail, or record nonsense.
     */
    private static void validateAnswers(String taskKey, Map<String, Object> values) {
        validate(v -> {
            switch (taskKey) {
                case StandardTask.APPROVE_TRANSFER_TASK -> requireBoolean(v, values, ProcessVariables.TRANSFER_APPROVED);
                case StandardTask.SPOT_CHECK_TASK -> {
                    requireBoolean(v, values, SpotCheckDelegate.RESOLVED);
                    Object satisfaction = values.get(SpotCheckDelegate.SATISFACTION);
                    if (satisfaction != null) {
                        v.enumValue("variables." + SpotCheckDelegate.SATISFACTION, Satisfaction.class, satisfaction.toString(), false);
                    }
                }
                default -> {
                }
            }
        });
    }

    private static void requireBoolean(Validation v, Map<String, Object> values, String name) {
        if (!(values.get(name) instanceof Boolean)) {
            v.reject("variables." + name, "is required, true or false");
        }
    }

    private static void validateVariables(Validation v, Map<String, Object> variables) {
        variables.forEach((name, value) -> {
            String field = "variables." + name;
            if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
                v.reject(field, "a variable name is a letter or '_' followed by up to 63 letters, digits or '_'");
            } else if (ProcessVariables.RESERVED.contains(name)) {
                v.reject(field, "is set by the workflow itself and cannot be set through a task");
            } else if (value instanceof String text) {
                v.limitText(field, text, MAX_VARIABLE_TEXT);
            } else if (value != null && !(value instanceof Boolean) && !(value instanceof Integer) && !(value instanceof Long)
                    && !(value instanceof Double)) {
                v.reject(field, "must be text, a number, true/false or null");
            }
        });
    }

    private String describe(UnitId unit) {
        if (unit == null) {
            return "no unit";
        }
        return directory.describe(unit);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : "; note: " + note;
    }
}
