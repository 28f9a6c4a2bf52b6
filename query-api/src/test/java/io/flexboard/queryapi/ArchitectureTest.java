package io.flexboard.queryapi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flexboard.foundation.architecture.PackagePrivateByDefault;
import io.flexboard.foundation.architecture.ServiceRules;
import org.junit.jupiter.api.Test;

/**
 * Keeps query-api's rooms apart: features depend on each other one way only, HTTP is the
 * controllers' (with the shared paging and the callers' identity), and a type is public only where
 * another package uses it.
 */
class ArchitectureTest {

    private static final String ROOT = "io.flexboard.queryapi";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void feature_packages_form_no_cycles() {
        ServiceRules.featurePackagesFormNoCycles(ROOT).check(classes);
    }

    @Test
    void only_controllers_map_requests() {
        ServiceRules.controllersAreNamedSo().check(classes);
        ServiceRules.onlyControllersMapRequests().check(classes);
        ServiceRules.nothingCallsAController().check(classes);
    }

    @Test
    void read_models_and_views_do_not_know_http() {
        // web: the paging links; identity: the callers' admission.
        ServiceRules.onlyControllersAndKnowHttp("..queryapi.web..", "..queryapi.identity..").check(classes);
    }

    @Test
    void types_are_package_private_unless_another_package_uses_them() {
        PackagePrivateByDefault.publicOnlyWhereAnotherPackageUsesIt().check(new ClassFileImporter().importPackages(ROOT));
    }
}
