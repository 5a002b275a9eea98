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
        Ledger outcome = evaluate(busy);

        int fitPoints = outcome.reasons().stream().filter(r -> r.rule().startsWith("Fit: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int engagementPoints = outcome.reasons().stream().filter(r -> r.rule().startsWith("Engagement: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        int otherPoints = outcome.reasons().stream()
                .filter(r -> !r.rule().startsWith("Fit: ") && !r.rule().startsWith("Engagement: "))
                .map(Reason::points).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();

        assertThat(fitPoints).isEqualTo(outcome.fit()).isEqualTo(40);
        assertThat(engagementPoints).isEqualTo(outcome.engagement()).isEqualTo(30 + 15 - 20);
        assertThat(otherPoints).isZero();
    }

    @Test
    void firedRulesAreNumberedInFiringOrderAndNameTheirFile() {
        Ledger outcome = evaluate(busy);

        assertThat(outcome.firedRules()).extracting(FiredRule::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, outcome.firedRules().size()).boxed().toList());
        assertThat(outcome.firedRules()).allSatisfy(rule -> assertThat(rule.source())
                .matches("(rules/[a-z-]+\\.drl|decision-tables/[a-z-]+\\.xlsx)"));
        assertThat(outcome.firedRules()).extracting(FiredRule::name)
                .containsSubsequence("Score: fit + engagement", "Checklist: count boxes", "Stage: SQL",
                        "Route: opted-out SQL or opportunity on its own request", "SLA: SQL");
    }

    @Test
    void sameFactsAndPolicyGiveTheSameDecision() {
        Ledger first = evaluate(busy.build());
        Ledger second = evaluate(busy.build());

        assertThat(second.reasons()).isEqualTo(first.reasons());
        assertThat(second.firedRules()).isEqualTo(first.firedRules());
        assertThat(second.sla()).isEqualTo(first.sla());
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
