package org.hotline12345.workflow.bpmn;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.h2.jdbcx.JdbcConnectionPool;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.bpmn.impl.HotlineComponents;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.merge.DuplicateRule;
import org.hotline12345.workflow.accountability.Accountability;
import org.hotline12345.workflow.accountability.IndicatorSettings;
import org.hotline12345.workflow.events.EventDeliveries;

/**
 * Runs the hotline workflow without Spring: builds a Camunda 7 engine on the host's DataSource (or an
 * embedded H2 database), with the library's plugin, and hands out the {@link HotlineWorkflow} facade.
 *
 * <pre>{@code
 * try (HotlineWorkflowEngine engine = HotlineWorkflowEngine.builder()
 *         .dataSource(myDataSource)
 *         .directory(myUnits)
 *         .build()) {
 *     HotlineWorkflow workflow = engine.workflow();
 *     ...
 * }
 * }</pre>
 */
public final class HotlineWorkflowEngine implements AutoCloseable {

    private final ProcessEngine processEngine;
    private final HotlineWorkflow workflow;
    private final CaseMigration caseMigration;
    private final EventDeliveries eventDeliveries;
    private final AuditLog auditLog;
    private final Accountability accountability;
    /** The pool of the embedded H2 database, when the engine made one; closed with the engine. */
    private final JdbcConnectionPool embeddedPool;

    private HotlineWorkflowEngine(ProcessEngine processEngine, HotlineComponents components, JdbcConnectionPool embeddedPool) {
        this.processEngine = processEngine;
        this.workflow = components.workflow(processEngine);
        this.caseMigration = components.caseMigration(processEngine);
        this.eventDeliveries = components.eventDeliveries(processEngine);
        this.auditLog = components.auditLog(processEngine);
        this.accountability = components.accountability(processEngine);
        this.embeddedPool = embeddedPool;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HotlineWorkflow workflow() {
        return workflow;
    }

    /** Accountability reviews, spot checks and unit indicators, for the supervision office and auditors. */
    public Accountability accountability() {
        return accountability;
    }

    /** Moves running cases to the latest version of an edited diagram. */
    public CaseMigration caseMigration() {
        return caseMigration;
    }

    /** The tamper-evident audit log, for auditors and supervisors. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Deliveries to the event listeners that kept failing, to see and retry. */
    public EventDeliveries eventDeliveries() {
        return eventDeliveries;
    }

    /** The Camunda engine underneath, for hosts that ask for it (Cockpit, migrations, their own processes). */
    public ProcessEngine processEngine() {
        return processEngine;
    }

    @Override
    public void close() {
        processEngine.close();
        if (embeddedPool != null) {
            embeddedPool.dispose();
        }
    }

    /** Configures and builds a {@link HotlineWorkflowEngine}. */
    public static final class Builder {

        private DataSource dataSource;
        private String jdbcUrl = "jdbc:h2:./data/hotline-workflow;DB_CLOSE_ON_EXIT=FALSE";
        private String engineName = "hotline";
        private WorkingCalendar calendar = WorkingCalendar.chinaMainland();
        private OrganisationDirectory directory = new InMemoryOrganisationDirectory(List.of());
        private Clock clock;
        private boolean jobExecutor = true;
        private boolean deployDiagrams = true;
        private Integer historyTimeToLiveDays;
        private DuplicateRule duplicateRule = DuplicateRule.DEFAULT;
        private IndicatorSettings indicatorSettings = IndicatorSettings.DEFAULT;
        private final List<CaseEventListener> listeners = new ArrayList<>();
        private List<Duration> retryDelays = HotlineComponents.DEFAULT_RETRY_DELAYS;
        private final List<ProcessEnginePlugin> plugins = new ArrayList<>();

        private Builder() {
        }

        /** The host's DataSource; without one the engine uses the H2 database at {@link #jdbcUrl(String)}. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The embedded H2 database to use when no DataSource is given (default: a file under ./data); needs H2 on the class path. */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /** The engine's name; engines in one JVM need different names. */
        public Builder engineName(String engineName) {
            this.engineName = Objects.requireNonNull(engineName, "engineName");
            return this;
        }

        public Builder calendar(WorkingCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        public Builder directory(OrganisationDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The clock for deadlines and records. Defaults to an {@link EngineClock}, which the engine's timers share;
         * another clock moves the library's time but not the engine's timers.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether this node runs timers and asynchronous steps (default true). */
        public Builder jobExecutor(boolean active) {
            this.jobExecutor = active;
            return this;
        }

        /** Whether to deploy the library's own diagrams at start (default true). */
        public Builder deployDiagrams(boolean deploy) {
            this.deployDiagrams = deploy;
            return this;
        }

        /** Days of history to keep for every process; default: what each diagram says. */
        public Builder historyTimeToLiveDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("history time to live must not be negative");
            }
            this.historyTimeToLiveDays = days;
            return this;
        }

        /** A listener for every domain event, delivered after commit and retried when it throws. */
        public Builder eventListener(CaseEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Delays before each retry of a failed delivery (default 10 s, 1 min, 5 min, 30 min). */
        public Builder retryDelays(List<Duration> delays) {
            this.retryDelays = List.copyOf(delays);
            return this;
        }

        /** When open cases are proposed as duplicates of each other (并单); {@link DuplicateRule#DEFAULT} unless set. */
        public Builder duplicateRule(DuplicateRule rule) {
            this.duplicateRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** How unit indicators are scored; {@link IndicatorSettings#DEFAULT} unless set. */
        public Builder indicatorSettings(IndicatorSettings settings) {
            this.indicatorSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Another Camunda plugin to install beside the library's. */
        public Builder plugin(ProcessEnginePlugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        public HotlineWorkflowEngine build() {
            Clock effectiveClock = clock != null ? clock : new EngineClock(calendar.zone());
            HotlineComponents components = new HotlineComponents(calendar, directory, effectiveClock, historyTimeToLiveDays,
                    listeners, retryDelays, duplicateRule, indicatorSettings);
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName(engineName);
            JdbcConnectionPool embedded = null;
            if (dataSource != null) {
                configuration.setDataSource(dataSource);
            } else {
                embedded = JdbcConnectionPool.create(jdbcUrl, "sa", "");
                embedded.setMaxConnections(20);
                configuration.setDataSource(embedded);
            }
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setJobExecutorActivate(jobExecutor);
            List<ProcessEnginePlugin> all = new ArrayList<>(plugins);
            all.add(0, new HotlineEnginePlugin(components, deployDiagrams, name -> false));
            configuration.setProcessEnginePlugins(all);
            ProcessEngine engine = configuration.buildProcessEngine();
            return new HotlineWorkflowEngine(engine, components, embedded);
        }
    }
}
