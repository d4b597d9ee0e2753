package se.benefitledger.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain stays plain: no Spring, no SQL, no JSON library, and its features do not depend on each other in circles. */
@AnalyzeClasses(packages = "se.benefitledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringSqlOrJackson = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml..")
            .because("ledger-core is the domain: Axon's modelling API and plain Java only");

    @ArchTest
    static final ArchRule featuresWithoutCycles = slices().matching("se.benefitledger.core.(*)..")
            .should().beFreeOfCycles();
}
