package io.flexboard.projector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flexboard.foundation.architecture.PackagePrivateByDefault;
import io.flexboard.projector.readmodel.FoldProjection;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

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
    void featurePackagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theLivePathDoesNotKnowTheRebuild() {
        noClasses().that().resideOutsideOfPackage("..projector.rebuild..")
                .should().dependOnClassesThat().resideInAPackage("..projector.rebuild..")
                .because("the rebuild reuses the live projection, never the other way round (docs/projector.md)")
                .check(classes);
    }

    @Test
    void onlyControllersServeHttp() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().haveSimpleNameEndingWith("Controller")
                .check(classes);
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackage("..projector.access..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .because("requests are the operators' controllers' and the admission of their callers' (access)")
                .check(classes);
        noClasses().should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .because("a controller is its feature's HTTP edge; nothing calls into it")
                .check(classes);
    }

    @Test
    void typesArePackagePrivateUnlessAnotherPackageUsesThem() {
        // query-api's tests write their fixtures through FoldProjection (support.ProjectedEvents).
        PackagePrivateByDefault.publicOnlyWhereAnotherPackageUsesIt(FoldProjection.class)
                .check(new ClassFileImporter().importPackages(ROOT));
    }
}
