package org.hotline12345.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** workflow-core stays pure Java so that hosts and a future engine swap (Operaton) never meet Camunda or Spring here. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline12345.workflow");

    @Test
    void coreDependsOnNeitherSpringNorCamunda() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.camunda..", "org.operaton..", "jakarta..", "javax.sql..")
                .because("workflow-core is the engine-neutral domain; frameworks live in workflow-bpmn")
                .check(core);
    }

    @Test
    void coreIsNotEmpty() {
        org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(20);
    }
}
