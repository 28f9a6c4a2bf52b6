package io.flexboard.fold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the fold a pure function: the projector and query-api bring the framework, the database and the broker. */
class FoldArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flexboard.fold");

    @Test
    void the_fold_does_not_depend_on_spring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void the_fold_is_not_reactive() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("reactor..", "org.reactivestreams..")
                .check(classes);
    }

    @Test
    void the_fold_neither_reads_nor_writes_the_database_or_the_broker() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.r2dbc..", "java.sql..", "org.apache.kafka..")
                .check(classes);
    }
}
