package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.SalesHistory;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * decision-tables/routing.xlsx and knock-outs.xlsx decide as rules/routing.drl and rules/knock-outs.drl did, kept as
 * test resources for this comparison: the same stage, route, SLA, lines (rule, points, sentence) and fired rules in the
 * same order, on the sample leads and on every combination of what routing and knock-outs read.
 */
class RoutingAndKnockOutTablesTest {
    private static final String FORMER = "/io/leadqualifier/workbooks/former/";

    @Test
    void theTablesDecideAsTheDrlTheyReplaced() throws IOException {
        CompiledPolicy tables = DefaultPolicy.get();
        CompiledPolicy drl = PolicyWorkspace.copyOfDefault().delete("decision-tables/routing.xlsx").delete("decision-tables/knock-outs.xlsx")
                .write("rules/routing.drl", resource("routing.drl")).write("rules/knock-outs.drl", resource("knock-outs.drl")).compile();
        LeadEvaluator evaluator = new LeadEvaluator(1000);
        Set<String> fired = new TreeSet<>();

        // Built twice, the same: an evaluation sees its own lead.
        List<Lead> forTables = leads();
        List<Lead> forDrl = leads();
        for (int i = 0; i < forTables.size(); i++) {
            Ledger table = evaluator.evaluate(tables, forTables.get(i)).ledger();
            Ledger rule = evaluator.evaluate(drl, forDrl.get(i)).ledger();

            assertThat(decision(table)).isEqualTo(decision(rule));
            table.firedRules().stream().map(FiredRule::name).filter(name -> name.startsWith("Route: ") || name.startsWith("Knock-out: "))
                    .forEach(fired::add);
        }
        assertThat(fired).as("every rule of both files was compared").containsExactlyInAnyOrderElementsOf(drl.ruleSources().entrySet()
                .stream().filter(rule -> List.of("rules/routing.drl", "rules/knock-outs.drl").contains(rule.getValue()))
                .map(Map.Entry::getKey).toList());
    }

    /** What a decision is, its files aside: tables and DRL live in different files. */
    private static List<Object> decision(Ledger ledger) {
        return List.of(String.valueOf(ledger.stage()), String.valueOf(ledger.temperature()), String.valueOf(ledger.route()),
                String.valueOf(ledger.sla()), ledger.boxes(), ledger.knockedOut(),
                ledger.lines().stream().map(line -> line.kind() + " " + line.rule() + " " + line.points() + " " + line.message()).toList(),
                ledger.firedRules().stream().map(FiredRule::name).toList());
    }

    /** The sample leads, and every stage with every opt-out, intent, knock-out and rejection held by sales. */
    private static List<Lead> leads() {
        List<Lead> leads = new ArrayList<>(List.of(SampleLeads.generate(1000, 7)));
        List<Function<Leads, Leads>> stages = List.of(lead -> lead, lead -> lead.idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)),
                lead -> lead.idealProfile().fullBant(), lead -> lead.idealProfile().fullBant().proposalRequested());
        List<Function<Leads, Leads>> intents = List.of(lead -> lead, Leads::meetingBooked, lead -> lead.activity("DEMO_REQUEST", days(1)));
        List<Function<Leads, Leads>> knockOuts = List.of(lead -> lead, lead -> lead.seniority(Seniority.STUDENT), Leads::competitor);
        for (Function<Leads, Leads> stage : stages) {
            for (Function<Leads, Leads> intent : intents) {
                for (Function<Leads, Leads> knockOut : knockOuts) {
                    for (int flags = 0; flags < 8; flags++) {
                        Leads lead = knockOut.apply(intent.apply(stage.apply(lead())));
                        lead = (flags & 1) == 0 ? lead : lead.optedOut();
                        lead = (flags & 2) == 0 ? lead : lead.doNotEmail();
                        Lead built = lead.build();
                        if ((flags & 4) != 0) {
                            built.setHistory(new SalesHistory(built.getAsOf(), "MARKETING", null, null, null,
                                    built.getAsOf().minus(days(10)), "NO_BUDGET", built.getAsOf().plus(days(80)), 0, null, null));
                        }
                        leads.add(built);
                    }
                }
            }
        }
        return leads;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RoutingAndKnockOutTablesTest.class.getResourceAsStream(FORMER + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
