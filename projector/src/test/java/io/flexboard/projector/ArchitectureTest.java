package io.flexboard.projector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flexboard.foundation.architecture.PackagePrivateByDefault;
import io.flexboard.foundation.architecture.ServiceRules;
import io.flexboard.projector.readmodel.FoldProjection;
import org.junit.jupiter.api.Test;

/**
 * Keeps the projector's rooms apart: features depend on each other one way only, the live path
 * reads without the rebuild, HTTP is the operators' controllers', and a type is public only where
 * another package uses it.
 */
class ArchitectureTest {

    private static final String ROOT = "io.flexboard.projector";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void feature_packages_form_no_cycles() {
        ServiceRules.featurePackagesFormNoCycles(ROOT).check(classes);
    }

    @Test
    void the_live_path_does_not_know_the_rebuild() {
        noClasses().that().resideOutsideOfPackage("..projector.rebuild..")
                .should().dependOnClassesThat().resideInAPackage("..projector.rebuild..")
                .because("the rebuild reuses the live projection, never the other way round (docs/projector.md)")
                .check(classes);
    }

    @Test
    void only_controllers_serve_http() {
        ServiceRules.controllersAreNamedSo().check(classes);
        ServiceRules.onlyControllersMapRequests().check(classes);
        ServiceRules.nothingCallsAController().check(classes);
        // access: the admission of the operators' requests.
        ServiceRules.onlyControllersAndKnowHttp("..projector.access..").check(classes);
    }

    @Test
    void types_are_package_private_unless_another_package_uses_them() {
        // query-api's tests write their fixtures through FoldProjection (support.ProjectedEvents).
        PackagePrivateByDefault.publicOnlyWhereAnotherPackageUsesIt(FoldProjection.class)
                .check(new ClassFileImporter().importPackages(ROOT));
    }
}
