package io.leadqualifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package structure README's "Project layout" describes, checked over the compiled classes: arrows
 * point one way, the ground floors ({@code facts}, {@code decision}, {@code system}) know no feature, and the
 * rule engine stays behind {@code policy} and {@code evaluation}.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadqualifier");
    private static final String[] FEATURES = features("policy", "evaluation", "qualification", "audit", "replay", "security", "decision",
            "webhook", "handoff", "lifecycle", "kpi", "shadow", "leadfile", "simulation", "console", "broker");

    private static String[] features(String... names) {
        return java.util.Arrays.stream(names).map(name -> "io.leadqualifier." + name + "..").toArray(String[]::new);
    }

    @Test
    void noTwoFeaturesDependOnEachOther() {
        slices().matching("io.leadqualifier.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.leadqualifier.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void systemKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.leadqualifier.system..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES).check(MAIN);
    }

    @Test
    void factsImportNothingOfOurs() {
        noClasses().that().resideInAPackage("io.leadqualifier.facts..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES).orShould().dependOnClassesThat().resideInAPackage("io.leadqualifier.system..")
                .check(MAIN);
    }

    @Test
    void theSharedDecisionLanguageDependsOnFactsAlone() {
        noClasses().that().resideInAPackage("io.leadqualifier.decision..").should().dependOnClassesThat()
                .resideInAnyPackage(features("policy", "evaluation", "qualification", "audit", "replay", "security", "webhook",
                        "handoff", "lifecycle"))
                .check(MAIN);
    }

    @Test
    void theHandOffLibraryImportsNoFeature() {
        noClasses().that().resideInAPackage("io.leadqualifier.handoff..").should().dependOnClassesThat()
                .resideInAnyPackage(features("policy", "evaluation", "qualification", "audit", "replay", "security", "decision",
                        "webhook", "lifecycle"))
                .orShould().dependOnClassesThat().resideInAPackage("io.leadqualifier.system..")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(MAIN);
    }

    /** Every feature may emit events through the outbox, so webhooks import none of them: that would close a cycle. */
    @Test
    void webhooksKnowNoOtherFeature() {
        noClasses().that().resideInAPackage("io.leadqualifier.webhook..").should().dependOnClassesThat()
                .resideInAnyPackage(features("policy", "evaluation", "qualification", "audit", "replay", "decision", "facts"))
                .check(MAIN);
        noClasses().that().resideInAPackage("io.leadqualifier.webhook..").and().resideOutsideOfPackage("io.leadqualifier.webhook.api..")
                .should().dependOnClassesThat().resideInAPackage("io.leadqualifier.security..").check(MAIN);
    }

    @Test
    void theRuleEngineStaysBehindPolicyAndEvaluation() {
        noClasses().that().resideOutsideOfPackages("io.leadqualifier.policy..", "io.leadqualifier.evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..").check(MAIN);
    }
}
