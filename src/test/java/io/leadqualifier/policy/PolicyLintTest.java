package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.check.PolicyLint;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.qualification.ApiLeadFields;

/** Lint: what compiles but cannot be right. */
public class PolicyLintTest {
    private final PolicyLint lint = new PolicyLint(new ApiLeadFields());

    private List<PolicyProblem> lint(PolicyWorkspace workspace) {
        return lint.check(workspace.compile());
    }

    @Test
    void shippedPolicyIsClean() {
        assertThat(lint(PolicyWorkspace.copyOfDefault())).isEmpty();
    }

    @Test
    void gapBetweenTemperatureBandsIsAnError() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Temperature", "Temperature: warm", "Total at least", 45));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo("decision-tables/stage-thresholds.xlsx");
            assertThat(problem.location()).contains("sheet Temperature").contains("Temperature: warm");
            assertThat(problem.message()).isEqualTo("temperature bands leave totals 40 to 44 without a temperature");
        });
    }

    @Test
    void overlappingTemperatureBandsAreAWarning() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Temperature", "Temperature: cold", "Total below", 50));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.message()).contains("overlaps").contains("Temperature: cold");
        });
    }

    @Test
    void activityTypeScoredTwiceIsAnError() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().write("rules/extra.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Extra: demo bonus"
                when
                    $t : ActivityTally( type == "DEMO_REQUEST" )
                then
                    outcome.engagement($t).points(5);
                end
                """));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.message()).contains("DEMO_REQUEST is scored twice");
            assertThat(problem.toString()).contains("Extra: demo bonus").contains("Engagement: DEMO_REQUEST")
                    .contains("rules/extra.drl").contains("decision-tables/engagement-scoring.xlsx");
        });
    }

    @Test
    void aRuleInACommentIsNotLinted() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().write("rules/extra.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                /* Retired:
                rule "Extra: demo bonus"
                when
                    $t : ActivityTally( type == "DEMO_REQUEST" )
                then
                    outcome.engagement($t).points(5);
                end
                */
                """));

        assertThat(problems).isEmpty();
    }

    @Test
    void aStageAssignedOnlyInACommentOrAStringIsStillUnreachable() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: opportunity", "Stage", "SQL")
                .write("rules/extra.drl", """
                        package leadqualifier.policy;
                        import io.leadqualifier.facts.*;
                        global Outcome outcome;
                        rule "Extra: talks about opportunities"
                        when
                            Lead()
                        then
                            // insert(outcome.stage(Stage.OPPORTUNITY));
                            outcome.note("outcome.stage(Stage.OPPORTUNITY)");
                        end
                        """));

        assertThat(problems).extracting(PolicyProblem::message).contains("no rule assigns stage OPPORTUNITY: it can never be reached");
    }

    @Test
    void aRuleIsReadToItsEndNotToAnEndInsideAString() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().write("rules/extra.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Extra: demo bonus"
                when
                    $t : ActivityTally( type == "DEMO_REQUEST" )
                then
                    outcome.because(\"""
                        A demo request is worth more than the table says,
                        end of story.
                        \""");
                    outcome.engagement($t).points(5);
                end
                """));

        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("DEMO_REQUEST is scored twice"));
    }

    @Test
    void aRuleNameWithQuotesIsReadWhole() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().write("rules/extra.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Extra: the \\"demo\\" bonus, 'twice'"
                when
                    $t : ActivityTally( type in ("QUOTE_REQUEST", "DEMO_REQUEST") )
                then
                    outcome.engagement($t).points(5);
                end
                """));

        assertThat(problems).extracting(PolicyProblem::message).containsExactly(
                "activity type DEMO_REQUEST is scored twice: also by rule \"Extra: the \"demo\" bonus, 'twice'\" (rules/extra.drl)",
                "activity type QUOTE_REQUEST is scored twice: also by rule \"Extra: the \"demo\" bonus, 'twice'\" (rules/extra.drl)");
    }

    @Test
    void stageNoRuleAssignsIsAnError() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: opportunity", "Stage", "SQL"));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.message()).isEqualTo("no rule assigns stage OPPORTUNITY: it can never be reached");
        });
    }

    @Test
    void ruleReadingAFieldTheApiNeverFillsIsAWarning() {
        Set<String> withoutIndustry = new HashSet<>(new ApiLeadFields().paths());
        withoutIndustry.remove("company.industry");
        List<PolicyProblem> problems = new PolicyLint(() -> withoutIndustry).check(PolicyWorkspace.copyOfDefault().compile());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.file()).isEqualTo("decision-tables/fit-scoring.xlsx");
            assertThat(problem.location()).contains("Fit: target industry");
            assertThat(problem.message()).contains("company.industry");
        });
    }

    @Test
    void aQueueTheSlaHandsOffToWithoutAnActiveMemberIsAnError() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("sales-roster.xlsx", "Roster", "sophie.martin", "Active", "no")
                .setCell("sales-roster.xlsx", "Roster", "thomas.leroy", "Active", "no"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo("decision-tables/handoff-sla.xlsx");
            assertThat(problem.location()).isEqualTo("sheet Hand-off SLA, row starting at cell B14, rule \"SLA: SQL\"");
            assertThat(problem.message()).isEqualTo("queue AE has no active member in the roster (decision-tables/sales-roster.xlsx):"
                    + " its hand-offs cannot be assigned to anyone");
        });
    }

    @Test
    void aQueueTheRosterDoesNotListIsAnError() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("handoff-sla.xlsx", "Hand-off SLA", "SLA: opportunity", "Owner", "KEY_ACCOUNTS"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.location()).contains("SLA: opportunity");
            assertThat(problem.message()).startsWith("queue KEY_ACCOUNTS is not in the roster");
        });
    }

    @Test
    void aRosterQueueNobodyServesAndNoRuleUsesIsAWarning() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault()
                .setCell("sales-roster.xlsx", "Roster", "julie.moreau", "Active", "no"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.toString()).isEqualTo("WARNING decision-tables/sales-roster.xlsx: queue SDR_MANAGER has no active member"
                    + " (no SLA rule hands off to it)");
        });
    }

    @Test
    void aPolicyWithoutARosterAssignsNobodyAndSaysSo() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().delete("decision-tables/sales-roster.xlsx"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(PolicyProblem.Severity.WARNING);
            assertThat(problem.message()).isEqualTo("no roster workbook (decision-tables/*-roster.xlsx): hand-offs to SDR, AE are"
                    + " assigned to nobody");
        });
    }

    @Test
    void anOwnerInACommentHandsOffToNobody() {
        List<PolicyProblem> problems = lint(PolicyWorkspace.copyOfDefault().write("rules/extra.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Extra: a note about queues"
                when
                    Lead()
                then
                    // outcome.sla().owner("NIGHT_SHIFT");
                    outcome.note("outcome.sla().owner(\\"NIGHT_SHIFT\\")");
                end
                """));

        assertThat(problems).isEmpty();
    }
}
