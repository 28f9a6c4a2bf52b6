package io.flexboard.commandapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the command side's rooms apart: the aggregate is hidden, the messages carry no framework. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flexboard.commandapi");

    @Test
    void the_aggregate_and_its_rules_are_package_private() {
        classes().that().haveSimpleNameEndingWith("Aggregate").or().haveSimpleNameEndingWith("Rules")
                .should().notBePublic()
                .check(classes);
    }

    @Test
    void commands_and_domain_errors_do_not_depend_on_spring_or_the_web() {
        noClasses().that().resideInAPackage("..commandapi.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..commandapi.web..")
                .check(classes);
    }

    @Test
    void the_tenant_rules_do_not_know_about_http() {
        noClasses().that().resideInAPackage("..commandapi.tenant..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .check(classes);
    }
}
