package io.leadqualifier.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.evaluation.check.ScenarioCheck;
import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.source.PolicyProblem;

/** The business scenarios shipped beside the tables, run against candidate policies. */
class ScenarioCheckTest {
    private final ScenarioCheck check = new ScenarioCheck(new LeadEvaluator(1000));

    @Test
    void shippedScenariosAllPassOnTheShippedPolicy() {
        List<PolicyProblem> problems = check.check(PolicyWorkspace.copyOfDefault().compile());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.INFO);
            assertThat(problem.message()).isEqualTo("16 of 16 scenarios passed");
        });
    }

    @Test
    void raisingTheMqlThresholdBreaksTheBoundaryScenario() {
        List<PolicyProblem> problems = check.check(PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Total at least", 75).compile());

        assertThat(problems).filteredOn(PolicyProblem::isError).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("decision-tables/qualification-scenarios.xlsx");
            assertThat(problem.location()).isEqualTo("sheet Scenarios, row 7 \"MQL at exactly 70\"");
            assertThat(problem.message()).startsWith("expected stage MQL, got LEAD; expected route SDR, got NURTURE. Fired: ")
                    .contains("Stage: lead");
        });
    }

    @Test
    void readmeWalkThroughChangePassesOnceItsScenarioIsUpdated() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: CONTENT_DOWNLOAD", "Points", 12);
        assertThat(check.check(workspace.compile())).filteredOn(PolicyProblem::isError).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("expected total 60, got 62"));

        workspace.setCell("qualification-scenarios.xlsx", "Scenarios", "Contract example: warm lead, nurtured", "Expected total", 62);
        assertThat(check.check(workspace.compile())).filteredOn(PolicyProblem::isError).isEmpty();
    }

    @Test
    void unreadableScenarioIsAnErrorNamingItsRow() {
        List<PolicyProblem> problems = check.check(PolicyWorkspace.copyOfDefault()
                .setCell("qualification-scenarios.xlsx", "Scenarios", "Hot MQL on a demo request", "Activities", "DEMO_REQUEST yesterday")
                .compile());

        assertThat(problems).filteredOn(PolicyProblem::isError).singleElement().satisfies(problem -> {
            assertThat(problem.location()).contains("\"Hot MQL on a demo request\"");
            assertThat(problem.message()).contains("'DEMO_REQUEST yesterday' is not TYPE [xN] AGE");
        });
    }

    @Test
    void everyCandidateIsCheckedOnLeadsOfItsOwn() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        // The scenario rows are read once while the workbook does not change; a rule that changes the lead it
        // reads must not change the leads the next candidate is checked on.
        check.check(workspace.write("rules/meddling.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;

                rule "Meddling: every lead becomes a competitor"
                when
                    $lead : Lead( !company.competitor )
                then
                    $lead.getCompany().setCompetitor(true);
                end
                """).compile());
        workspace.root().resolve("rules/meddling.drl").toFile().delete();

        assertThat(check.check(workspace.compile())).singleElement()
                .satisfies(problem -> assertThat(problem.message()).isEqualTo("16 of 16 scenarios passed"));
    }

    @Test
    void policyWithoutScenariosGetsAWarning() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        workspace.root().resolve("decision-tables/qualification-scenarios.xlsx").toFile().delete();

        assertThat(check.check(workspace.compile())).singleElement()
                .satisfies(problem -> assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING));
    }
}
