package io.leadqualifier.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;

/**
 * Sessions are reused between evaluations: a decision must not depend on the leads evaluated before it in
 * the same session. (With activation-groups it did: Drools #6410.)
 */
class PooledSessionsTest {

    @Test
    void decisionDoesNotDependOnTheLeadsEvaluatedBefore() {
        Lead[] leads = SampleLeads.generate(600, 7);
        List<String> inOrder = new ArrayList<>();
        for (Lead lead : leads) {
            inOrder.add(summary(DefaultPolicy.evaluate(lead)));
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < leads.length; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(11));
        for (int i : shuffled) {
            assertThat(summary(DefaultPolicy.evaluate(leads[i]))).as("lead %d evaluated after others", i)
                    .isEqualTo(inOrder.get(i));
        }
        assertThat(inOrder).as("the sample covers every stage and route")
                .anyMatch(s -> s.startsWith(Stage.OPPORTUNITY.name())).anyMatch(s -> s.startsWith(Stage.SQL.name()))
                .anyMatch(s -> s.startsWith(Stage.MQL.name())).anyMatch(s -> s.startsWith(Stage.DISQUALIFIED.name()))
                .anyMatch(s -> s.contains(Route.NURTURE.name())).anyMatch(s -> s.contains("/" + Route.NONE.name() + "/"));
    }

    private static String summary(Ledger outcome) {
        return outcome.stage() + "/" + outcome.temperature() + "/" + outcome.route() + "/" + outcome.total()
                + "/" + outcome.boxes() + "/" + outcome.sla() + "/" + outcome.reasons() + "/" + outcome.firedRules();
    }
}
