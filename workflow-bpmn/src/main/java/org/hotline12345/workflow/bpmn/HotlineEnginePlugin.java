package org.hotline12345.workflow.bpmn;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Incident;
import org.hotline12345.workflow.bpmn.impl.BlockIdGenerator;
import org.hotline12345.workflow.bpmn.impl.ContractCheckingDeployer;
import org.hotline12345.workflow.bpmn.impl.EventSubscriptions;
import org.hotline12345.workflow.bpmn.impl.FailedJobIncidents;
import org.hotline12345.workflow.bpmn.impl.HotlineComponents;
import org.hotline12345.workflow.bpmn.impl.KnownJobDefinitions;
import org.hotline12345.workflow.bpmn.impl.SchemaMigration;

/**
 * The engine plugin that makes a Camunda 7 engine a hotline workflow engine: full history, the
 * library's listeners attached at parse time, its tables migrated, every deployment of its diagrams checked
 * against the {@link DiagramContract}, and its diagrams deployed; and the engine spared the look-ups of what cannot
 * have changed or cannot exist (docs/operations.md).
 * {@link HotlineWorkflowEngine} installs it for plain-Java hosts; the Spring Boot auto-configuration
 * registers it with the Camunda starter.
 */
public final class HotlineEnginePlugin extends AbstractProcessEnginePlugin {

    /** The name of the deployment that holds the library's diagrams. */
    public static final String DEPLOYMENT_NAME = "hotline-workflow";
    /** The bean name the diagrams bind the clock delegate by. */
    public static final String START_CLOCK_BEAN = "hotlineStartClock";
    /** The bean name the diagrams bind the warning delegate by. */
    public static final String ISSUE_WARNING_BEAN = "hotlineIssueWarning";
    /** The bean name the escalation diagram binds its delegate by. */
    public static final String ESCALATE_BEAN = "hotlineEscalate";
    /** The bean name the digest diagram binds its delegate by. */
    public static final String AUDIT_DIGEST_BEAN = "hotlineAuditDigest";
    /** Where the shipped diagrams live on the class path. */
    public static final String DIAGRAM_PATH = "org/hotline12345/workflow/diagrams/";
    /** The bean name unit-handling binds the transfer delegate by. */
    public static final String TRANSFER_BEAN = "hotlineTransfer";
    /** The bean names accountability-review.bpmn and spot-check.bpmn bind their delegates by. */
    public static final String REVIEW_DEADLINE_BEAN = "hotlineReviewDeadline";
    public static final String SPOT_CHECK_BEAN = "hotlineSpotCheck";
    /** The bean the unit-handling diagram reads the assisting units of a dispatch from. */
    public static final String ASSISTING_UNITS_BEAN = "hotlineAssistingUnits";
    /** The bean hotline-case's call to unit-handling maps its variables with. */
    public static final String UNIT_HANDLING_VARIABLES_BEAN = "hotlineUnitHandlingVariables";
    /** The names of every bean the library's diagrams bind; the engine resolves them without the host. */
    public static final java.util.Set<String> LIBRARY_BEANS = java.util.Set.of(START_CLOCK_BEAN, ISSUE_WARNING_BEAN, ESCALATE_BEAN,
            AUDIT_DIGEST_BEAN, TRANSFER_BEAN, ASSISTING_UNITS_BEAN, UNIT_HANDLING_VARIABLES_BEAN, REVIEW_DEADLINE_BEAN, SPOT_CHECK_BEAN);
    static final List<String> DIAGRAMS = List.of("hotline-case.bpmn", "unit-handling.bpmn", "assisting-unit.bpmn", "case-escalation.bpmn",
            "accountability-review.bpmn", "spot-check.bpmn", "accountability-triggers.dmn",
            "audit-digest.bpmn", "deadline-policy.dmn", "escalation-policy.dmn", "routing.dmn");

    private static final System.Logger LOG = System.getLogger(HotlineEnginePlugin.class.getName());

    private final HotlineComponents components;
    private final boolean deployDiagrams;
    private final Predicate<String> hostBeans;

    /**
     * @param hostBeans tells whether the host can resolve a bean of that name in delegate expressions (under Spring,
     *     the application context); the library's own delegates and the engine's bean map are known anyway
     */
    public HotlineEnginePlugin(HotlineComponents components, boolean deployDiagrams, Predicate<String> hostBeans) {
        this.components = components;
        this.deployDiagrams = deployDiagrams;
        this.hostBeans = hostBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // Short ids in large blocks (BlockIdGenerator): Camunda's UUIDs are 36 characters in five to seven columns of
        // every row, the default generator's blocks of 100 a transaction every few API calls. A host's own generator
        // stays.
        if (configuration.getIdGenerator() == null) {
            configuration.setIdGenerator(new BlockIdGenerator());
        }
        // Retention counts from the end of each process instance, as with the engine's default, but the cleanup finds
        // what has expired from the end time instead of a removal time stamped on every history row: the default
        // ("end" removal time) rewrites all of a case's history rows, one bulk update per history table, in the step
        // that closes the case, the costliest statements of a case's whole lifecycle. A host's own choice stays.
        if (configuration.getHistoryRemovalTimeStrategy() == null && configuration.getHistoryCleanupStrategy() == null) {
            configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
            configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        }
        // Look-ups the engine makes for what cannot have changed or cannot exist: a job's definition
        // (KnownJobDefinitions), the jobs of a deleted message subscription (EventSubscriptions) and, in postInit, the
        // incident of a job whose execution has none (FailedJobIncidents). A host's own session of either kind stays.
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        List<SessionFactory> lookups = List.of(new KnownJobDefinitions().sessionFactory(), EventSubscriptions.sessionFactory());
        for (SessionFactory library : lookups) {
            if (sessionFactories.stream().noneMatch(factory -> factory.getSessionType() == library.getSessionType())) {
                sessionFactories.add(library);
            }
        }
        configuration.setCustomSessionFactories(sessionFactories);
        List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(components.parseListener());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
        // Plain-Java engines resolve the delegates from this map; under Spring the auto-configuration
        // also exposes them as beans of these names.
        Map<Object, Object> beans = configuration.getBeans() == null ? new HashMap<>() : configuration.getBeans();
        beans.put(START_CLOCK_BEAN, components.startClockDelegate());
        beans.put(ISSUE_WARNING_BEAN, components.issueWarningDelegate());
        beans.put(ESCALATE_BEAN, components.escalateDelegate());
        beans.put(AUDIT_DIGEST_BEAN, components.auditDigestDelegate());
        beans.put(ASSISTING_UNITS_BEAN, components.assistingUnits());
        beans.put(UNIT_HANDLING_VARIABLES_BEAN, components.unitHandlingVariables());
        beans.put(TRANSFER_BEAN, components.transferDelegate());
        beans.put(REVIEW_DEADLINE_BEAN, components.reviewDeadlineDelegate());
        beans.put(SPOT_CHECK_BEAN, components.spotCheckDelegate());
        configuration.setBeans(beans);

        List<JobHandler> jobHandlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
        jobHandlers.add(components.eventDeliveryJobHandler());
        configuration.setCustomJobHandlers(jobHandlers);

        DiagramContract contract = new DiagramContract(name -> beans.containsKey(name) || hostBeans.test(name));
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(new ContractCheckingDeployer(contract));
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The engine gives its own generator the executor that takes a block in a transaction of its own, not one set
        // before its executors existed (here, or as a Spring bean).
        if (configuration.getIdGenerator() instanceof BlockIdGenerator blocks && blocks.getCommandExecutor() == null) {
            blocks.setCommandExecutor(configuration.getCommandExecutorTxRequiresNew());
        }
        // The engine's handlers exist only now. Whatever handles failed-job incidents (the engine's own, a composite, a
        // host's) keeps doing so; only its search for a job's incident is spared where the job's execution has none.
        Map<String, IncidentHandler> incidentHandlers = configuration.getIncidentHandlers();
        IncidentHandler failedJobs = incidentHandlers.get(Incident.FAILED_JOB_HANDLER_TYPE);
        if (failedJobs != null && !(failedJobs instanceof FailedJobIncidents)) {
            incidentHandlers.put(Incident.FAILED_JOB_HANDLER_TYPE, new FailedJobIncidents(failedJobs));
        }
        SchemaMigration.migrate(configuration.getDataSource());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String calendarProblem = new CalendarCoverage(components.calendar(), components.clock()).problem();
        if (calendarProblem != null) {
            LOG.log(System.Logger.Level.WARNING, "Hotline workflow: " + calendarProblem);
        }
        if (!deployDiagrams) {
            return;
        }
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        ClassLoader loader = HotlineEnginePlugin.class.getClassLoader();
        for (String diagram : DIAGRAMS) {
            InputStream in = loader.getResourceAsStream(DIAGRAM_PATH + diagram);
            if (in == null) {
                throw new IllegalStateException("diagram missing from the class path: " + DIAGRAM_PATH + diagram);
            }
            deployment.addInputStream(diagram, in);
        }
        deployment.deploy();
    }

    public HotlineComponents components() {
        return components;
    }
}
