package org.hotline12345.workflow.bpmn.spring;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.audit.AuditLog;
import org.hotline12345.workflow.bpmn.CalendarCoverage;
import org.hotline12345.workflow.bpmn.CaseMigration;
import org.hotline12345.workflow.bpmn.DirectoryFile;
import org.hotline12345.workflow.bpmn.EngineClock;
import org.hotline12345.workflow.bpmn.HotlineEnginePlugin;
import org.hotline12345.workflow.bpmn.impl.AssistingUnits;
import org.hotline12345.workflow.bpmn.impl.BlockIdGenerator;
import org.hotline12345.workflow.bpmn.impl.HotlineComponents;
import org.hotline12345.workflow.bpmn.impl.UnitHandlingVariables;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.events.EventDeliveries;
import org.hotline12345.workflow.merge.DuplicateRule;
import org.hotline12345.workflow.accountability.Accountability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes the Camunda starter's engine a hotline workflow engine on the host's DataSource and transaction
 * manager, and exposes the {@link HotlineWorkflow} facade. Every bean can be replaced by the host's own.
 */
@AutoConfiguration(before = CamundaBpmAutoConfiguration.class)
@ConditionalOnClass(CamundaBpmAutoConfiguration.class)
@EnableConfigurationProperties(HotlineWorkflowProperties.class)
class HotlineWorkflowAutoConfiguration {

    /** The bean name of the clock the library reads; the host may define its own under this name. */
    static final String CLOCK_BEAN = "hotlineClock";

    @Bean
    @ConditionalOnMissingBean
    WorkingCalendar hotlineWorkingCalendar(HotlineWorkflowProperties properties) {
        WorkingCalendar calendar = WorkingCalendar.chinaMainland().withZone(properties.zone());
        return properties.calendar().weekendsOnlyFallback() ? calendar.withWeekendsOnlyFallback() : calendar;
    }

    @Bean
    @ConditionalOnMissingBean
    OrganisationDirectory hotlineOrganisationDirectory(HotlineWorkflowProperties properties, ResourceLoader resources)
            throws IOException {
        if (properties.directoryFile() != null) {
            Resource file = resources.getResource(properties.directoryFile());
            if (!file.exists()) {
                throw new IllegalStateException("hotline.workflow.directory-file: " + properties.directoryFile() + " does not exist");
            }
            try (InputStream in = file.getInputStream()) {
                return DirectoryFile.read(in);
            }
        }
        return new InMemoryOrganisationDirectory(properties.units().stream()
                .map(unit -> new Unit(UnitId.of(unit.id()), unit.name() == null ? unit.id() : unit.name(),
                        unit.parent() == null ? null : UnitId.of(unit.parent())))
                .toList());
    }

    @Bean(CLOCK_BEAN)
    @ConditionalOnMissingBean(name = CLOCK_BEAN)
    Clock hotlineClock(WorkingCalendar calendar) {
        return new EngineClock(calendar.zone());
    }

    @Bean
    @ConditionalOnMissingBean
    HotlineComponents hotlineComponents(WorkingCalendar calendar, OrganisationDirectory directory,
            @Qualifier(CLOCK_BEAN) Clock clock, HotlineWorkflowProperties properties, ObjectProvider<CaseEventListener> listeners) {
        Integer days = properties.historyTimeToLive() == null ? null : Math.toIntExact(properties.historyTimeToLive().toDays());
        return new HotlineComponents(calendar, directory, clock, days, listeners.orderedStream().toList(),
                properties.eventDeliveryRetryDelays(),
                new DuplicateRule(properties.duplicateWindow(), properties.duplicateThreshold()), properties.indicators().settings());
    }

    /**
     * The engine's ids as numbers taken in large blocks ({@link BlockIdGenerator}), unless the host chose a generator
     * with {@code camunda.bpm.id-generator} or declared its own: the starter's default, a UUID, is 36 characters in
     * several columns of every engine row.
     */
    @Bean
    @ConditionalOnMissingBean(IdGenerator.class)
    @ConditionalOnProperty(name = "camunda.bpm.id-generator", havingValue = "hotline-blocks", matchIfMissing = true)
    IdGenerator hotlineIdGenerator() {
        return new BlockIdGenerator();
    }

    @Bean
    @ConditionalOnMissingBean
    HotlineEnginePlugin hotlineEnginePlugin(HotlineComponents components, HotlineWorkflowProperties properties,
            ApplicationContext context) {
        return new HotlineEnginePlugin(components, properties.deployDiagrams(), context::containsBean);
    }

    /** Under Spring the engine resolves delegate expressions from the application context. */
    @Bean(HotlineEnginePlugin.START_CLOCK_BEAN)
    JavaDelegate hotlineStartClock(HotlineComponents components) {
        return components.startClockDelegate();
    }

    @Bean(HotlineEnginePlugin.ISSUE_WARNING_BEAN)
    JavaDelegate hotlineIssueWarning(HotlineComponents components) {
        return components.issueWarningDelegate();
    }

    @Bean(HotlineEnginePlugin.ESCALATE_BEAN)
    JavaDelegate hotlineEscalate(HotlineComponents components) {
        return components.escalateDelegate();
    }

    @Bean(HotlineEnginePlugin.AUDIT_DIGEST_BEAN)
    JavaDelegate hotlineAuditDigest(HotlineComponents components) {
        return components.auditDigestDelegate();
    }

    @Bean(HotlineEnginePlugin.REVIEW_DEADLINE_BEAN)
    JavaDelegate hotlineReviewDeadline(HotlineComponents components) {
        return components.reviewDeadlineDelegate();
    }

    @Bean(HotlineEnginePlugin.SPOT_CHECK_BEAN)
    JavaDelegate hotlineSpotCheck(HotlineComponents components) {
        return components.spotCheckDelegate();
    }

    @Bean
    @ConditionalOnMissingBean
    Accountability hotlineAccountability(HotlineComponents components, ProcessEngine processEngine) {
        return components.accountability(processEngine);
    }

    @Bean(HotlineEnginePlugin.TRANSFER_BEAN)
    JavaDelegate hotlineTransfer(HotlineComponents components) {
        return components.transferDelegate();
    }

    @Bean(HotlineEnginePlugin.ASSISTING_UNITS_BEAN)
    AssistingUnits hotlineAssistingUnits(HotlineComponents components) {
        return components.assistingUnits();
    }

    @Bean(HotlineEnginePlugin.UNIT_HANDLING_VARIABLES_BEAN)
    UnitHandlingVariables hotlineUnitHandlingVariables(HotlineComponents components) {
        return components.unitHandlingVariables();
    }

    @Bean
    @ConditionalOnMissingBean
    HotlineWorkflow hotlineWorkflow(HotlineComponents components, ProcessEngine processEngine) {
        return components.workflow(processEngine);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog hotlineAuditLog(HotlineComponents components, ProcessEngine processEngine) {
        return components.auditLog(processEngine);
    }

    @Bean
    @ConditionalOnMissingBean
    EventDeliveries hotlineEventDeliveries(HotlineComponents components, ProcessEngine processEngine) {
        return components.eventDeliveries(processEngine);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseMigration hotlineCaseMigration(HotlineComponents components, ProcessEngine processEngine) {
        return components.caseMigration(processEngine);
    }

    @Bean
    @ConditionalOnMissingBean
    CalendarCoverage hotlineCalendarCoverage(WorkingCalendar calendar, @Qualifier(CLOCK_BEAN) Clock clock) {
        return new CalendarCoverage(calendar, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "hotlineCalendarHealthIndicator")
        CalendarHealthIndicator hotlineCalendarHealthIndicator(CalendarCoverage coverage) {
            return new CalendarHealthIndicator(coverage);
        }
    }

    @Bean
    @ConditionalOnMissingBean(CamundaDeploymentConfiguration.class)
    static CamundaDeploymentConfiguration hotlineDeploymentConfiguration() {
        return new LibraryDiagramsExcluded();
    }
}
