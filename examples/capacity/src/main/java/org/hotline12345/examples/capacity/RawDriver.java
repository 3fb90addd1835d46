package org.hotline12345.examples.capacity;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.Deadline;
import org.hotline12345.workflow.deadline.DeadlineCalculator;
import org.hotline12345.workflow.deadline.TimeLimit;

/**
 * The baseline: the same lifecycle on the raw Camunda 7.24 engine, written as a portal developer would by hand. The
 * diagram has the same user tasks and the same yellow and red timers (their service tasks do nothing but run, except
 * that a red card on a unit's clock starts the same escalation ladder as the library's); the caller computes the
 * deadlines with the same working calendar, finds each task with a TaskService query and completes it with variables,
 * one transaction per engine call, history FULL.
 */
final class RawDriver implements Driver {

    static final String PROCESS = "baseline-case";
    /** The escalation ladder a red card on a unit's clock starts, as the library's case-escalation. */
    static final String ESCALATION = "baseline-escalation";
    /** The card service tasks of both runs' diagrams, counted the same way. */
    private static final List<String> CARD_TASKS = List.of("ServiceTask_IssueSignForYellowCard", "ServiceTask_IssueSignForRedCard",
            "ServiceTask_IssueHandlingYellowCard", "ServiceTask_IssueHandlingRedCard", "ServiceTask_IssueCallbackYellowCard",
            "ServiceTask_IssueCallbackRedCard");

    private final ProcessEngine engine;
    private final DeadlineCalculator calculator;
    private final Clock clock;
    private final Map<Integer, String> leadUnits = new ConcurrentHashMap<>();

    RawDriver(DataSource dataSource, String name, WorkingCalendar calendar, Clock clock, int jobThreads) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        JobExecutorTuning.apply(configuration, jobThreads);
        this.calculator = new DeadlineCalculator(calendar);
        this.clock = clock;
        configuration.setBeans(Map.of("escalate", (JavaDelegate) this::escalate, "urge", (JavaDelegate) this::urge,
                "supervise", (JavaDelegate) this::supervise));
        this.engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model())
                .addModelInstance(ESCALATION + ".bpmn", escalationModel()).deploy();
    }

    /** The lifecycle of hotline-case and unit-handling, flattened into one diagram. */
    static BpmnModelInstance model() {
        var builder = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1825)
                .startEvent()
                .exclusiveGateway("ToDispatch")
                .userTask("UserTask_Dispatch").camundaCandidateGroups("hotline-office")
                .exclusiveGateway("Disposition")
                .condition("answered directly", "${disposition == 'DIRECT_ANSWER'}").endEvent("AnsweredDirectly")
                .moveToNode("Disposition")
                .condition("dispatched", "${disposition == 'DISPATCH'}")
                .userTask("UserTask_SignFor").camundaCandidateGroups("unit:${leadUnit}").camundaDueDate("${signForDue}");
        UserTaskBuilder signFor = cards(builder, "UserTask_SignFor", "SignFor", "signForYellowAt", "signForDue", "${escalate}");
        var afterSignFor = signFor.exclusiveGateway("SignForOutcome")
                .condition("return requested", "${unitAction == 'REQUEST_RETURN'}")
                .userTask("UserTask_DecideReturn").camundaCandidateGroups("hotline-office")
                .connectTo("ToDispatch")
                .moveToNode("SignForOutcome")
                .condition("signed for", "${unitAction == 'SIGN_FOR'}")
                .exclusiveGateway("ToHandle")
                .userTask("UserTask_Handle").camundaCandidateGroups("unit:${leadUnit}").camundaDueDate("${handlingDue}");
        UserTaskBuilder handle = cards(afterSignFor, "UserTask_Handle", "Handling", "handlingYellowAt", "handlingDue", "${escalate}");
        handle.boundaryEvent("ExtensionRequested").cancelActivity(false).message("ExtensionRequested")
                .userTask("UserTask_DecideExtension").camundaCandidateGroups("hotline-office").endEvent("ExtensionDecided")
                .moveToActivity("UserTask_Handle");
        var afterHandle = handle.userTask("UserTask_Review").camundaCandidateGroups("hotline-office")
                .exclusiveGateway("ReviewOutcome")
                .condition("sent back", "${!reviewApproved}").connectTo("ToHandle")
                .moveToNode("ReviewOutcome")
                .condition("approved", "${reviewApproved}")
                .userTask("UserTask_Callback").camundaCandidateGroups("hotline-office").camundaDueDate("${callbackDue}");
        UserTaskBuilder callback = cards(afterHandle, "UserTask_Callback", "Callback", "callbackYellowAt", "callbackDue", null);
        return callback.exclusiveGateway("CallbackOutcome")
                .condition("unsatisfied", "${satisfaction == 'UNSATISFIED'}").connectTo("ToHandle")
                .moveToNode("CallbackOutcome")
                .condition("closed", "${satisfaction != 'UNSATISFIED'}").endEvent("Closed")
                .done();
    }

    /**
     * A yellow and a red non-interrupting timer on {@code task}, each running a service task; the yellow card's does
     * nothing, the red card's runs {@code redCard} where the unit's overdue step escalates (null: nothing).
     */
    private static UserTaskBuilder cards(UserTaskBuilder builder, String task, String clock, String yellowAt, String due, String redCard) {
        var red = builder.boundaryEvent(clock + "YellowCard").cancelActivity(false).timerWithDate("${" + yellowAt + "}")
                .serviceTask("ServiceTask_Issue" + clock + "YellowCard").camundaExpression("${true}").endEvent()
                .moveToActivity(task)
                .boundaryEvent(clock + "RedCard").cancelActivity(false).timerWithDate("${" + due + "}")
                .serviceTask("ServiceTask_Issue" + clock + "RedCard");
        return (redCard == null ? red.camundaExpression("${true}") : red.camundaDelegateExpression(redCard)).endEvent()
                .moveToActivity(task);
    }

    /**
     * The escalation ladder with the library's steps, tasks and timers (case-escalation.bpmn): urge the unit, which
     * acknowledges; if still open after the policy's delay, order supervision, which the supervisors carry out; if
     * still open at its deadline, record the unit for accountability (a step that does nothing here) and end.
     */
    static BpmnModelInstance escalationModel() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(ESCALATION).camundaHistoryTimeToLive(1825)
                .startEvent()
                .serviceTask("ServiceTask_UrgeUnit").camundaDelegateExpression("${urge}")
                .parallelGateway("Urged")
                .userTask("UserTask_AcknowledgeUrging").camundaCandidateGroups("unit:${leadUnit}").camundaDueDate("${supervisionAt}")
                .endEvent()
                .moveToNode("Urged")
                .intermediateCatchEvent("SupervisionDue").timerWithDate("${supervisionAt}")
                .serviceTask("ServiceTask_OrderSupervision").camundaDelegateExpression("${supervise}")
                .parallelGateway("Supervision")
                .userTask("UserTask_Supervise").camundaCandidateGroups("${supervisionGroups}").camundaDueDate("${supervisionDue}")
                .endEvent()
                .moveToNode("Supervision")
                .intermediateCatchEvent("SupervisionDeadline").timerWithDate("${supervisionDue}")
                .serviceTask("ServiceTask_RecordAccountabilityFact").camundaExpression("${true}")
                .endEvent("AccountabilityFactRecorded")
                .done();
        EndEvent end = model.getModelElementById("AccountabilityFactRecorded");
        end.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
        return model;
    }

    /** A red card on the unit's sign-for or handling clock: its escalation ladder starts, as in the library. */
    private void escalate(DelegateExecution execution) {
        boolean signFor = execution.getCurrentActivityId().contains("SignFor");
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ESCALATION, execution.getProcessBusinessKey(),
                Map.of("clock", signFor ? "SIGN_FOR" : "HANDLING", "leadUnit", execution.getVariable("leadUnit"),
                        "category", execution.getVariable("category"), "urgency", execution.getVariable("urgency")));
    }

    private void urge(DelegateExecution execution) {
        Urgency urgency = Urgency.valueOf((String) execution.getVariable("urgency"));
        execution.setVariable("supervisionAt", Date.from(calculator.due(clock.instant(), supervisionAfter(urgency))));
    }

    private void supervise(DelegateExecution execution) {
        Urgency urgency = Urgency.valueOf((String) execution.getVariable("urgency"));
        execution.setVariable("supervisionDue", Date.from(calculator.due(clock.instant(), supervisionLimit(urgency))));
        // Ordinary cases' supervision goes to the unit's parent (the city government for every demo unit) as well.
        execution.setVariable("supervisionGroups", urgency == Urgency.NORMAL ? "supervision,unit:jinan" : "supervision");
    }

    @Override
    public String name() {
        return "raw engine";
    }

    @Override
    public void perform(CaseScript script, CaseScript.Action action) {
        String key = "sim-" + script.index();
        Map<String, Object> variables = new HashMap<>();
        switch (action.kind()) {
            case INTAKE -> {
                variables.put("category", script.category().name());
                variables.put("urgency", script.urgency().name());
                variables.put("channel", script.channel().name());
                variables.put("subject", "Simulated case " + script.index());
                variables.put("areaCode", script.areaCode());
                engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key, variables);
            }
            case DIRECT_ANSWER -> {
                variables.put("disposition", "DIRECT_ANSWER");
                variables.put("directAnswer", "Answered on the call.");
                complete(key, "UserTask_Dispatch", variables);
            }
            case DISPATCH -> dispatch(script, key, action.unit());
            case SIGN_FOR -> {
                Deadline due = calculator.deadline(ClockKind.HANDLING, clock.instant(), handling(script));
                variables.put("unitAction", "SIGN_FOR");
                variables.put("handlingDue", Date.from(due.due()));
                variables.put("handlingYellowAt", Date.from(calculator.yellowCardAt(due, yellowLead(script))));
                complete(key, "UserTask_SignFor", variables);
            }
            case REQUEST_RETURN -> {
                variables.put("unitAction", "REQUEST_RETURN");
                variables.put("returnReason", "Not our area.");
                complete(key, "UserTask_SignFor", variables);
            }
            case DECIDE_RETURN -> {
                complete(key, "UserTask_DecideReturn", Map.of("returnAccepted", true));
                dispatch(script, key, action.unit());
            }
            case REQUEST_EXTENSION -> engine.getRuntimeService().createMessageCorrelation("ExtensionRequested")
                    .processInstanceBusinessKey(key).setVariable("extensionWorkingDays", 3).correlate();
            case DECIDE_EXTENSION -> {
                Date handlingDue = (Date) engine.getRuntimeService().getVariable(processInstance(key), "handlingDue");
                Instant newDue = calculator.extend(handlingDue.toInstant(), 3);
                complete(key, "UserTask_DecideExtension", Map.of("extensionApproved", true));
                engine.getRuntimeService().setVariable(processInstance(key), "handlingDue", Date.from(newDue));
                // The timers were armed with the old deadline: move them by hand.
                var management = engine.getManagementService();
                management.createJobQuery().processInstanceId(processInstance(key)).timers().list().forEach(job ->
                        management.setJobDuedate(job.getId(), Date.from(newDue)));
            }
            case REPLY -> {
                variables.put("unitAction", "REPLY");
                variables.put("replyResult", "RESOLVED");
                variables.put("replyText", "Done.");
                complete(key, "UserTask_Handle", variables);
            }
            case REVIEW -> {
                variables.put("reviewApproved", action.approve());
                if (action.approve()) {
                    Deadline due = calculator.deadline(ClockKind.CALLBACK, clock.instant(), TimeLimit.workingDays(1));
                    variables.put("callbackDue", Date.from(due.due()));
                    variables.put("callbackYellowAt", Date.from(calculator.yellowCardAt(due, yellowLead(script))));
                }
                complete(key, "UserTask_Review", variables);
            }
            case CALLBACK -> {
                variables.put("satisfaction", action.satisfaction().name());
                variables.put("resolved", action.satisfaction() != Satisfaction.UNSATISFIED);
                if (action.satisfaction() == Satisfaction.UNSATISFIED) {
                    Deadline due = calculator.deadline(ClockKind.REWORK, clock.instant(), handling(script).unit() == TimeLimit.Unit.WORKING_DAYS
                            ? TimeLimit.workingDays(3) : handling(script));
                    variables.put("handlingDue", Date.from(due.due()));
                    variables.put("handlingYellowAt", Date.from(calculator.yellowCardAt(due, yellowLead(script))));
                }
                complete(key, "UserTask_Callback", variables);
            }
        }
    }

    private void dispatch(CaseScript script, String key, String unit) {
        Deadline due = calculator.deadline(ClockKind.SIGN_FOR, clock.instant(), signFor(script));
        Map<String, Object> variables = new HashMap<>();
        variables.put("disposition", "DISPATCH");
        variables.put("leadUnit", unit);
        variables.put("signForDue", Date.from(due.due()));
        variables.put("signForYellowAt", Date.from(calculator.yellowCardAt(due, yellowLead(script))));
        complete(key, "UserTask_Dispatch", variables);
        leadUnits.put(script.index(), unit);
    }

    /**
     * The limits a hand-written portal keeps in code: the same as the library's deadline-policy table, which the library
     * reads instead. The yellow card's lead applies to every clock of the case.
     */
    private static TimeLimit signFor(CaseScript script) {
        return switch (script.urgency()) {
            case EMERGENCY -> TimeLimit.minutes(30);
            case URGENT -> TimeLimit.hours(2);
            case NORMAL -> TimeLimit.workingDays(1);
        };
    }

    private static TimeLimit handling(CaseScript script) {
        if (script.urgency() == Urgency.EMERGENCY) {
            return TimeLimit.hours(2);
        }
        if (script.urgency() == Urgency.URGENT) {
            return TimeLimit.hours(24);
        }
        return script.category() == Category.CONSULTATION ? TimeLimit.workingDays(3) : TimeLimit.workingDays(5);
    }

    /** The escalation policy's delays, kept in code as the deadline limits are. */
    private static TimeLimit supervisionAfter(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> TimeLimit.hours(1);
            case URGENT -> TimeLimit.workingDays(1);
            case NORMAL -> TimeLimit.workingDays(5);
        };
    }

    private static TimeLimit supervisionLimit(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> TimeLimit.hours(2);
            case URGENT -> TimeLimit.workingDays(1);
            case NORMAL -> TimeLimit.workingDays(3);
        };
    }

    private static TimeLimit yellowLead(CaseScript script) {
        return switch (script.urgency()) {
            case EMERGENCY -> TimeLimit.minutes(30);
            case URGENT -> TimeLimit.hours(4);
            case NORMAL -> TimeLimit.workingDays(1);
        };
    }

    private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no open " + taskKey + " for " + businessKey);
        }
        engine.getTaskService().complete(task.getId(), variables);
        // A unit's step done after its deadline had its red card, which started the escalation ladder: it stops now.
        // The task's due date tells without a look-up whether that can be so.
        boolean unitClock = taskKey.equals("UserTask_SignFor") || taskKey.equals("UserTask_Handle");
        if (unitClock && task.getDueDate() != null && !task.getDueDate().toInstant().isAfter(clock.instant())) {
            stopEscalation(businessKey, taskKey.equals("UserTask_SignFor") ? "SIGN_FOR" : "HANDLING");
        }
    }

    /**
     * The second transaction of a call: the task is completed, so a conflict with the ladder's own job (its timer firing
     * at the same time) is retried here, as the harness retries a call, rather than by repeating the completion.
     */
    private void stopEscalation(String businessKey, String clockName) {
        var runtime = engine.getRuntimeService();
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createProcessInstanceQuery().processDefinitionKey(ESCALATION).processInstanceBusinessKey(businessKey)
                        .variableValueEquals("clock", clockName).list()
                        .forEach(escalation -> runtime.deleteProcessInstance(escalation.getId(), "the overdue step was done", false, true));
                return;
            } catch (OptimisticLockingException conflict) {
                if (attempt == Simulation.MAX_ATTEMPTS) {
                    throw new IllegalStateException("the escalation of " + businessKey + " could not be stopped", conflict);
                }
                Simulation.pause(attempt);
            }
        }
    }

    private String processInstance(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(PROCESS).singleResult().getId();
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public long warnings() {
        return countCards(engine);
    }

    @Override
    public long escalations() {
        return countStarted(engine, ESCALATION);
    }

    static long countStarted(ProcessEngine engine, String processKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
    }

    static long countCards(ProcessEngine engine) {
        var history = engine.getHistoryService();
        return CARD_TASKS.stream().mapToLong(id -> history.createHistoricActivityInstanceQuery().activityId(id).finished().count()).sum();
    }

    @Override
    public void close() {
        engine.close();
    }
}
