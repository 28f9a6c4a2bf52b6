package io.flexboard.foundation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a service's packages stand to each other, for each service's ArchitectureTest to run on its
 * own classes: features depend on each other one way only, and HTTP stays at the controllers.
 */
public final class ServiceRules {

    private ServiceRules() {
    }

    /** The packages right under {@code root} are the service's features: no two depend on each other both ways. */
    public static ArchRule featurePackagesFormNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule controllersAreNamedSo() {
        return classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Controller");
    }

    public static ArchRule onlyControllersMapRequests() {
        return noClasses().that().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework.web.bind.annotation..");
    }

    public static ArchRule nothingCallsAController() {
        return noClasses().should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .because("a controller is its feature's HTTP edge; other features use its read model");
    }

    /** Requests and responses are the controllers' and those of {@code packages} (e.g. shared paging, the callers' admission). */
    public static ArchRule onlyControllersAndKnowHttp(String... packages) {
        return noClasses().that().areNotAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackages(packages)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..");
    }
}
