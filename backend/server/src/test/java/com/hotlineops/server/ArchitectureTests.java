package com.hotlineops.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package boundaries (STYLE.md 1–2): feature packages without cycles; domain free of web and UI. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hotlineops");

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("com.hotlineops.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("com.hotlineops.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void coreNeverDependsOnWebOrUi() {
        noClasses().that().resideInAPackage("com.hotlineops.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hotlineops.server..",
                        "com.hotlineops.mobile..", "com.hotlineops.dashboard..", "org.springframework.web..",
                        "org.springframework.http..", "org.springframework.messaging..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void contractDependsOnNoFramework() {
        noClasses().that().resideInAPackage("com.hotlineops.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.hotlineops.core..", "reactor..")
                .check(classes);
    }

    @Test
    void featuresReachTheDatabaseOnlyThroughCore() {
        noClasses().that().resideInAnyPackage("com.hotlineops.server.web..", "com.hotlineops.server.security..",
                        "com.hotlineops.server.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
                .check(classes);
    }
}
