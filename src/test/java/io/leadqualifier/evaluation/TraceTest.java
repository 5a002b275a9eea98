package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.compile.CompiledPolicy;

/** The fired-rule trace and the score ledger an auditor reads, and the bounds on an evaluation. */
class TraceTest {
    private final Leads busy = lead().idealProfile().email("x@gmail.com").fullBant().optedOut()
            .activity("DEMO_REQUEST", days(3)).activity("EMAIL_OPEN", 7, days(2)).activity("UNSUBSCRIBE", days(1))
            .activity("WEBSITE_VISIT", days(40)).activity("MYSTERY", days(1));

    @Test
    void fitReasonsSumToFitAndEngagementReasonsToEngagement() {
        Outcome outcome = evaluate(busy);

        int fitPoints = outcome.getReasons().stream().filter(r -> r.rule().startsWith("Fit: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int engagementPoints = outcome.getReasons().stream().filter(r -> r.rule().startsWith("Engagement: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int otherPoints = outcome.getReasons().stream()
                .filter(r -> !r.rule().startsWith("Fit: ") && !r.rule().startsWith("Engagement: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();

        assertThat(fitPoints).isEqualTo(outcome.getFit()).isEqualTo(40);
        assertThat(engagementPoints).isEqualTo(outcome.getEngagement()).isEqualTo(30 + 15 - 20);
        assertThat(otherPoints).isZero();
    }

    @Test
    void firedRulesAreNumberedInFiringOrderAndNameTheirFile() {
        Outcome outcome = evaluate(busy);

        assertThat(outcome.getFiredRules()).extracting(FiredRule::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, outcome.getFiredRules().size()).boxed().toList());
        assertThat(outcome.getFiredRules()).allSatisfy(rule -> assertThat(rule.source())
                .matches("(rules/[a-z-]+\\.drl|decision-tables/[a-z-]+\\.xlsx)"));
        assertThat(outcome.getFiredRules()).extracting(FiredRule::name)
                .containsSubsequence("Score: fit + engagement", "Checklist: count boxes", "Stage: SQL",
                        "Route: opted-out SQL or opportunity on its own request", "SLA: SQL");
    }

    @Test
    void sameFactsAndPolicyGiveTheSameDecision() {
        Outcome first = evaluate(busy.build());
        Outcome second = evaluate(busy.build());

        assertThat(second.getReasons()).isEqualTo(first.getReasons());
        assertThat(second.getFiredRules()).isEqualTo(first.getFiredRules());
        assertThat(second.getSla()).isEqualTo(first.getSla());
    }

    @Test
    void aLoopingRuleFailsTheEvaluationInsteadOfHanging() {
        CompiledPolicy looping = PolicyWorkspace.copyOfDefault().write("rules/loop.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Loop: forever"
                when
                    $l : Lead()
                then
                    update($l);
                end
                """).compile();

        assertThatThrownBy(() -> new LeadEvaluator(1000).evaluate(looping, busy.build()))
                .isInstanceOf(EvaluationFailedException.class)
                .hasMessageContaining("probably looping").hasMessageContaining("Loop: forever");
    }

    @Test
    void aRuleThatThrowsFailsTheEvaluationNamingTheRule() {
        CompiledPolicy throwing = PolicyWorkspace.copyOfDefault().write("rules/boom.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Boom: divide by zero"
                when
                    Lead()
                then
                    int zero = 0;
                    outcome.note("" + (1 / zero));
                end
                """).compile();

        assertThatThrownBy(() -> new LeadEvaluator(1000).evaluate(throwing, busy.build()))
                .isInstanceOf(EvaluationFailedException.class).hasMessageContaining("Boom: divide by zero");
    }
}
