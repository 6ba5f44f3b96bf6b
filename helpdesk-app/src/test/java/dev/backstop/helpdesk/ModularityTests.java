package dev.backstop.helpdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure of docs/ARCHITECTURE.md holds: no cycles, no module reaching into another's
 * internals, and the page names every module.
 */
class ModularityTests {

    /** Built once per class: Modulith caches it too, but a field per test instance reads as four builds. */
    private static final ApplicationModules modules = ApplicationModules.of(HelpdeskApplication.class);

    /**
     * The production classes for the plain ArchUnit rules, imported once for both of them (an import of every class
     * file of the app costs seconds; the classes do not change between the tests of one run).
     */
    private static JavaClasses productionClasses;

    private static synchronized JavaClasses productionClasses() {
        if (productionClasses == null) {
            productionClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.backstop.helpdesk");
        }
        return productionClasses;
    }

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void ticketsKnowNothingOfTheModulesThatReactToThem() {
        noClasses()
                .that()
                .resideInAPackage("dev.backstop.helpdesk.tickets..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.backstop.helpdesk.workspace..", "dev.backstop.helpdesk.portal..",
                        "dev.backstop.helpdesk.demo..", "dev.backstop.helpdesk.distributors..",
                        "dev.backstop.helpdesk.hr..", "dev.backstop.helpdesk.organization..")
                .check(productionClasses());
    }

    /**
     * The modules that react to tickets — the SLA clocks and escalations, routing, surveys, notifications and the
     * messages they send — listen to its events or implement its ports; tickets never depends on them (ADR 0001).
     */
    @Test
    void ticketsDependOnNoModuleThatReactsToThem() {
        var dependencies = modules.getModuleByName("tickets").orElseThrow().getDirectDependencies(modules);
        assertThat(dependencies
                        .uniqueModules()
                        .map(ApplicationModule::getIdentifier)
                        .map(Object::toString))
                .doesNotContain(
                        "sla",
                        "routing",
                        "messaging",
                        "notifications",
                        "surveys",
                        "calls",
                        "mail",
                        "audit",
                        "knowledge",
                        "channel",
                        "outreach");
        noClasses()
                .that()
                .resideInAPackage("dev.backstop.helpdesk.tickets..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.backstop.helpdesk.sla..",
                        "dev.backstop.helpdesk.routing..",
                        "dev.backstop.helpdesk.messaging..",
                        "dev.backstop.helpdesk.notifications..",
                        "dev.backstop.helpdesk.surveys..")
                .check(productionClasses());
    }

    /**
     * The one-page architecture (docs/ARCHITECTURE.md) names every module in its table of layers, so a newcomer finds
     * a new module there; a module added without a line in it fails here.
     */
    @Test
    void theArchitecturePageNamesEveryModule() throws IOException {
        String page = Files.readString(Path.of("../docs/ARCHITECTURE.md"));
        String table = page.substring(page.indexOf("| layer | modules |"), page.indexOf("## Three main flows"));
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .hasSizeGreaterThan(20)
                .allSatisfy(module -> assertThat(table)
                        .as("docs/ARCHITECTURE.md's table of modules")
                        .contains("`" + module + "`"));
    }
}
