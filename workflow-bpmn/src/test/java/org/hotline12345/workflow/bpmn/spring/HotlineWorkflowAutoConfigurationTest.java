package org.hotline12345.workflow.bpmn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.hotline12345.workflow.HotlineWorkflow;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.bpmn.HotlineEnginePlugin;
import org.hotline12345.workflow.bpmn.StandardTask;
import org.hotline12345.workflow.bpmn.TestDatabase;
import org.hotline12345.workflow.calendar.WorkingCalendar;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.CaseView;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;
import org.hotline12345.workflow.dispatch.DispatchOrder;
import org.hotline12345.workflow.intake.IntakeRequest;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class HotlineWorkflowAutoConfigurationTest {

    private static int databases;

    private static ApplicationContextRunner runner() {
        TestDatabase database = TestDatabase.create("autoconfig" + (++databases));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        HotlineWorkflowAutoConfiguration.class, CamundaBpmAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.job-execution.enabled=false")
                .withPropertyValues(database.springProperties().entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @Test
    void theStartersEngineBecomesAHotlineEngineOnTheHostsDataSource() {
        runner().withPropertyValues("hotline.workflow.units[0].id=lixia", "hotline.workflow.units[0].name=历下区")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HotlineWorkflow.class).hasSingleBean(HotlineEnginePlugin.class);
                    ProcessEngine engine = context.getBean(ProcessEngine.class);
                    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                            .processDefinitionKey(StandardTask.CASE_PROCESS).count())
                            .as("deployed once, by the library, not again by the starter's scan").isEqualTo(1);
                    assertThat(engine.getRepositoryService().createDeploymentQuery()
                            .deploymentName(HotlineEnginePlugin.DEPLOYMENT_NAME).count()).isEqualTo(1);

                    HotlineWorkflow workflow = context.getBean(HotlineWorkflow.class);
                    Actor operator = Actor.hotlineOffice("operator", Role.OPERATOR);
                    CaseView taken = workflow.intake(operator, new IntakeRequest(null, Channel.APP, Category.HELP, null,
                            "Blocked drain", null, Caller.anonymousCaller(), null)).caseView();
                    CaseView dispatched = workflow.dispatch(Actor.hotlineOffice("dispatcher", Role.DISPATCHER), taken.id(),
                            new DispatchOrder(UnitId.of("lixia"), null));
                    assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
                    assertThat(dispatched.deadlines().signFor()).isNotNull();
                });
    }

    @Test
    void theHostsOwnBeansReplaceTheDefaults() {
        runner().withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OrganisationDirectory.class).exists(UnitId.of("host-unit"))).isTrue();
            assertThat(context.getBean(WorkingCalendar.class).hasYear(2026)).isFalse();
        });
    }

    @Test
    void theEnginesIdsAreShortNumbersUnlessTheHostChoseAGenerator() {
        runner().run(context -> assertThat(deploymentId(context.getBean(ProcessEngine.class))).matches("[0-9]{1,9}"));
        runner().withPropertyValues("camunda.bpm.id-generator=strong")
                .run(context -> assertThat(deploymentId(context.getBean(ProcessEngine.class)))
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    private static String deploymentId(ProcessEngine engine) {
        return engine.getRepositoryService().createDeploymentQuery().deploymentName(HotlineEnginePlugin.DEPLOYMENT_NAME)
                .singleResult().getId();
    }

    @Test
    void propertiesSetZoneAndFallback() {
        runner().withPropertyValues("hotline.workflow.zone=Asia/Urumqi", "hotline.workflow.calendar.weekends-only-fallback=true")
                .run(context -> {
                    WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
                    assertThat(calendar.zone().getId()).isEqualTo("Asia/Urumqi");
                    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2030, 1, 7))).isTrue();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        @Bean
        OrganisationDirectory hostDirectory() {
            return new InMemoryOrganisationDirectory(List.of(new Unit(UnitId.of("host-unit"), "Host unit", null)));
        }

        @Bean
        WorkingCalendar hostCalendar() {
            return WorkingCalendar.empty(WorkingCalendar.DEFAULT_ZONE).withWeekendsOnlyFallback();
        }
    }
}
