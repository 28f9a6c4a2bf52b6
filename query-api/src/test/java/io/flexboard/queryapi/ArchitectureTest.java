package io.flexboard.queryapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flexboard.foundation.architecture.PackagePrivateByDefault;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps query-api's rooms apart: features depend on each other one way only, HTTP is the
 * controllers' (with the shared paging and the callers' identity), and a type is public only where
 * another package uses it.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flexboard.queryapi");

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("io.flexboard.queryapi.(*)..").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void onlyControllersMapRequests() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().haveSimpleNameEndingWith("Controller")
                .check(classes);
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework.web.bind.annotation..")
                .check(classes);
    }

    @Test
    void readModelsAndViewsDoNotKnowHttp() {
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackages("..queryapi.web..", "..queryapi.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .because("requests and responses are the controllers', the paging links (web) and the caller's identity (identity)")
                .check(classes);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesController() {
        noClasses().should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .because("a controller is its feature's HTTP edge; other features use its read model")
                .check(classes);
    }

    @Test
    void typesArePackagePrivateUnlessAnotherPackageUsesThem() {
        PackagePrivateByDefault.publicOnlyWhereAnotherPackageUsesIt()
                .check(new ClassFileImporter().importPackages("io.flexboard.queryapi"));
    }
}
