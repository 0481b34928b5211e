package com.hotlineops.mobile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package boundaries (STYLE.md 1–2): feature packages without cycles; the edge reaches data only through core. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hotlineops.mobile");

    @Test
    void mobilePackagesHaveNoCycles() {
        slices().matching("com.hotlineops.mobile.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void mobileReachesTheDatabaseOnlyThroughCore() {
        noClasses().that().resideInAPackage("com.hotlineops.mobile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..",
                        "io.lettuce..")
                .check(classes);
    }

    @Test
    void ticketRulesDoNotDependOnTransports() {
        noClasses().that().resideInAnyPackage("com.hotlineops.mobile.ticket..", "com.hotlineops.mobile.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hotlineops.mobile.rsocket..",
                        "com.hotlineops.mobile.web..", "io.rsocket..")
                .check(classes);
    }
}
