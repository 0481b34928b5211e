package com.hotlineops.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md 2 and the wall's privacy rule of DESIGN.md §3, checked on the compiled classes. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hotlineops.dashboard");

    @Test
    void featurePackagesThenFreeOfCycles() {
        slices().matching("com.hotlineops.dashboard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void liveStateThenKnowsNothingOfViewsOrVaadin() {
        noClasses().that().resideInAPackage("..dashboard.live..")
                .should().dependOnClassesThat().resideInAnyPackage("..dashboard.wall..", "..dashboard.i18n..",
                        "com.vaadin..")
                .check(CLASSES);
    }

    /** The desk consoles show tickets to their handlers (masked phone only); the wall never sees one. */
    @Test
    void wallAndLiveStateThenNeverTouchCitizenDataOrTicketDetails() {
        noClasses().that().resideInAnyPackage("..dashboard.wall..", "..dashboard.live..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.hotlineops.contract.ticket.Citizen")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.hotlineops.contract.ticket.TicketView")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.hotlineops.contract.ticket.IntakeRequest")
                .check(CLASSES);
    }
}
