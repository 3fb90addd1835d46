package org.hotline12345.workflow.bpmn.impl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.bpmn.CaseMigration;
import org.hotline12345.workflow.bpmn.StandardTask;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.timeline.CaseEventType;

/** {@link CaseMigration} with Camunda's migration API, recording each move in the case's timeline. */
final class EngineCaseMigration implements CaseMigration {

    private final ProcessEngine engine;
    private final CaseStore store;
    private final CaseEventLog events;
    private final Clock clock;

    EngineCaseMigration(ProcessEngine engine, CaseStore store, CaseEventLog events, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    private record Step(ProcessDefinition source, MigrationPlan plan, List<ProcessInstance> instances) {
    }

    @Override
    public Preview preview(String processKey) {
        List<String> problems = new ArrayList<>();
        List<Step> steps = plan(processKey, problems);
        return new Preview(processKey, latest(processKey).getVersion(),
                steps.stream().map(step -> new SourceVersion(step.source().getVersion(), step.instances().size())).toList(), problems);
    }

    @Override
    public Result migrateToLatest(Actor actor, String processKey) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new NotAuthorizedException("user '" + actor.userId() + "' may not migrate cases: it needs the SUPERVISOR role");
        }
        Preview preview = preview(processKey);
        if (!preview.safe()) {
            throw new UnsafeMigrationException(processKey, preview.problems());
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // Planned again inside the transaction: cases may have moved on since the preview.
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            List<String> problems = new ArrayList<>();
            List<Step> steps = plan(processKey, problems);
            if (!problems.isEmpty()) {
                throw new UnsafeMigrationException(processKey, problems);
            }
            int target = latest(processKey).getVersion();
            int moved = 0;
            for (Step step : steps) {
                for (ProcessInstance instance : step.instances()) {
                    store.lock(CaseId.of(instance.getBusinessKey()));
                }
                engine.getRuntimeService().newMigration(step.plan())
                        .processInstanceIds(step.instances().stream().map(ProcessInstance::getId).toList())
                        .execute();
                for (ProcessInstance instance : step.instances()) {
                    events.record(CaseId.of(instance.getBusinessKey()), CaseEventType.CASE_MIGRATED, clock.instant(), actor.userId(),
                            null, null, processKey + " moved from version " + step.source().getVersion() + " to version " + target,
                            null, step.plan().getTargetProcessDefinitionId());
                    if (StandardTask.CASE_PROCESS.equals(processKey)) {
                        store.setProcessDefinition(CaseId.of(instance.getBusinessKey()), step.plan().getTargetProcessDefinitionId());
                    }
                }
                moved += step.instances().size();
            }
            return new Result(processKey, target, moved);
        });
    }

    /** One plan per older version with running instances; problems collects what stops any of them. */
    private List<Step> plan(String processKey, List<String> problems) {
        RuntimeService runtime = engine.getRuntimeService();
        ProcessDefinition target = latest(processKey);
        List<Step> steps = new ArrayList<>();
        for (ProcessDefinition source : engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).orderByProcessDefinitionVersion().asc().list()) {
            if (source.getId().equals(target.getId())) {
                continue;
            }
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
            } catch (MigrationPlanValidationException e) {
                problems.add("version " + source.getVersion() + " cannot be mapped onto version " + target.getVersion() + ": " + e.getMessage());
                continue;
            }
            Set<String> mapped = new HashSet<>();
            for (MigrationInstruction instruction : plan.getInstructions()) {
                mapped.add(instruction.getSourceActivityId());
            }
            for (ProcessInstance instance : instances) {
                for (String activity : runtime.getActiveActivityIds(instance.getId())) {
                    if (!mapped.contains(activity)) {
                        problems.add("case " + caseNumber(instance) + " (version " + source.getVersion() + ") is at " + activity
                                + ", which version " + target.getVersion() + " does not have");
                    }
                }
            }
            steps.add(new Step(source, plan, instances));
        }
        return steps;
    }

    private String caseNumber(ProcessInstance instance) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> store.find(CaseId.of(instance.getBusinessKey()))
                        .map(row -> row.number().value()).orElse(instance.getBusinessKey()));
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        if (latest == null) {
            throw new CaseNotFoundException("process definition", processKey);
        }
        return latest;
    }
}
