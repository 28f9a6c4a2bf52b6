package io.flexboard.agentbridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flexboard.foundation.architecture.PackagePrivateByDefault;
import io.flexboard.foundation.architecture.ServiceRules;
import org.junit.jupiter.api.Test;

/**
 * Keeps agent-bridge's rooms apart: features depend on each other one way only, HTTP is the sync's (its
 * controller and its direct route) and the admissions', and a type is public only where another package uses it.
 */
class ArchitectureTest {

    private static final String ROOT = "io.flexboard.agentbridge";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void feature_packages_form_no_cycles() {
        ServiceRules.featurePackagesFormNoCycles(ROOT).check(classes);
    }

    @Test
    void only_controllers_serve_http() {
        ServiceRules.controllersAreNamedSo().check(classes);
        ServiceRules.onlyControllersMapRequests().check(classes);
        ServiceRules.nothingCallsAController().check(classes);
        // sync: its direct route; apikey and ratelimit: authentication and admission of the request.
        ServiceRules.onlyControllersAndKnowHttp("..agentbridge.sync..", "..agentbridge.apikey..", "..agentbridge.ratelimit..")
                .check(classes);
    }

    @Test
    void types_are_package_private_unless_another_package_uses_them() {
        PackagePrivateByDefault.publicOnlyWhereAnotherPackageUsesIt().check(new ClassFileImporter().importPackages(ROOT));
    }
}
