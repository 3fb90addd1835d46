package org.hotline12345.examples.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A portal developer never needs a Camunda type or the library's implementation classes. */
class PortalArchitectureTest {

    private final JavaClasses portal = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline12345.examples.portal");

    @Test
    void thePortalUsesOnlyThePublicApi() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.camunda..", "org.hotline12345.workflow.bpmn.impl..")
                .because("hosts talk to HotlineWorkflow; the engine stays behind it")
                .check(portal);
    }
}
