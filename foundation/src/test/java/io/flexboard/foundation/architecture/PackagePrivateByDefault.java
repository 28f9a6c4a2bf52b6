package io.flexboard.foundation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * "Package-private by default" as a rule without a list: a top-level production type is public only
 * where a class of another package (its tests included) uses it. A type made public for nothing, or
 * left public after its last outside use went, fails by name. Each service's ArchitectureTest runs
 * it on its own classes, imported with their tests.
 */
public final class PackagePrivateByDefault {

    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final ImportOption PRODUCTION = new ImportOption.DoNotIncludeTests();

    private PackagePrivateByDefault() {
    }

    /**
     * The rule. The application class stays public: it is the entry point the launcher calls. So do
     * {@code usedByOtherModules}, the types another module uses, which the module's own classes cannot show.
     */
    public static ArchRule publicOnlyWhereAnotherPackageUsesIt(Class<?>... usedByOtherModules) {
        return classes().that(areProductionClasses()).and().areTopLevelClasses().and().arePublic()
                .and().areNotAnnotatedWith(SPRING_BOOT_APPLICATION)
                .and().doNotBelongToAnyOf(usedByOtherModules)
                .should(beUsedFromAnotherPackage())
                .because("a type is package-private unless another package needs it");
    }

    private static DescribedPredicate<JavaClass> areProductionClasses() {
        return DescribedPredicate.describe("are production classes", type -> type.getSource()
                .map(source -> PRODUCTION.includes(Location.of(source.getUri())))
                .orElse(true));
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
                // javac copies a constant's value into the classes that read it: their use leaves no trace to check.
                if (!usedElsewhere && type.getFields().stream().noneMatch(PackagePrivateByDefault::isPublicConstant)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public, but no class of another package uses it: make it package-private"));
                }
            }
        };
    }

    private static boolean isPublicConstant(JavaField field) {
        return field.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class));
    }
}
