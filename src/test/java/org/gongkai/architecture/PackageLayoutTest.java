package org.gongkai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout as ARCHITECTURE.md describes it, held by the build: no two packages depend on each other, directly or
 * through others, and the plain-Java stages (parser, catalogue, checks, regions) know nothing of Quarkus, JAX-RS or
 * JDBC.
 */
class PackageLayoutTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongkai");

    @Test
    void noCycleBetweenPackages() {
        // every package is its own slice: org.gongkai.queries and org.gongkai.queries.http are two
        slices().matching("org.gongkai.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void plainJavaStagesKnowNothingOfTheServiceOrTheDatabase() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.gongkai.parsing..",
                        "org.gongkai.metrics",
                        "org.gongkai.checks..",
                        "org.gongkai.canonical..",
                        "org.gongkai.tools.rendering..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "jakarta.enterprise..", "java.sql..", "io.agroal..")
                .check(MAIN);
    }
}
