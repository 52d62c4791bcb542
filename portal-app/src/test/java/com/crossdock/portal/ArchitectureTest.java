package com.crossdock.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.springframework.data.repository.Repository;

/** The architecture rules of STYLE.md, enforced by the build. */
class ArchitectureTest {

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crossdock.portal");
    }

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("com.crossdock.portal.(*)..").should().beFreeOfCycles().check(portal);
    }

    @Test
    void viewsAndOtherUiComponentsNeverTouchRepositories() {
        noClasses().that().areAssignableTo(Component.class).or().areAnnotatedWith(Route.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(portal);
    }

    @Test
    void jobsNeverTouchRepositories() {
        noClasses().that().implement(Job.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(portal);
    }

    @Test
    void onlyServicesOpenTenantScopes() {
        noClasses().that().resideInAnyPackage("..ui..", "com.crossdock.portal.shell..")
                .or().implement(Job.class)
                .should().dependOnClassesThat().areAssignableTo(TenantTransactions.class)
                .orShould().callMethod(TenantScope.class, "callIn", TenantId.class, java.util.function.Supplier.class)
                .orShould().callMethod(TenantScope.class, "runIn", TenantId.class, Runnable.class)
                .check(portal);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic()
                .check(portal);
    }

    @Test
    void viewsLiveInUiPackagesOrTheShell() {
        classes().that().areAnnotatedWith(Route.class)
                .should().resideInAnyPackage("..ui..", "com.crossdock.portal.shell..")
                .check(portal);
    }

    @Test
    void onlyTheUiUsesVaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..", "com.crossdock.portal.shell..",
                        "com.crossdock.portal.uikit..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(portal);
    }
}
