package io.flexboard.projector;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.flexboard.foundation.architecture.FoundationRules;

/** No copy of a foundation class in projector (the rules: FoundationRules). */
@AnalyzeClasses(packages = "io.flexboard.projector", importOptions = ImportOption.DoNotIncludeTests.class)
class FoundationArchitectureTest {

    @ArchTest
    static final ArchTests foundationRules = ArchTests.in(FoundationRules.class);
}
