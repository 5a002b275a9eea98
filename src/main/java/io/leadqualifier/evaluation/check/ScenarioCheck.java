package io.leadqualifier.evaluation.check;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.evaluation.EvaluationFailedException;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.policy.check.PolicyCheck;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.RecentResults;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * Runs the business scenarios of a candidate policy (its {@code *-scenarios.xlsx} workbooks) under that
 * policy. Each failing row is an error with expected vs actual and the rules that fired.
 */
@ApplicationScoped
public class ScenarioCheck implements PolicyCheck {
    private final LeadEvaluator evaluator;
    // Reading a workbook is most of this check's time, and candidates rarely change the scenarios.
    private final RecentResults<PolicyFile, ScenarioWorkbook.Rows> read = new RecentResults<>(8);

    public ScenarioCheck(LeadEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<PolicyProblem> check(CompiledPolicy policy) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<PolicyFile> workbooks = policy.files().stream().filter(PolicyFile::isScenarios).toList();
        if (workbooks.isEmpty()) {
            problems.add(PolicyProblem.warning("decision-tables", null, "no scenario workbook (decision-tables/*"
                    + PolicyFile.SCENARIOS_SUFFIX + "): changes are not checked against business cases"));
        }
        for (PolicyFile workbook : workbooks) {
            ScenarioWorkbook.Contents contents = ScenarioWorkbook.scenarios(workbook,
                    read.computeIfAbsent(workbook, ScenarioWorkbook::rows), policy.rejectionReasons());
            problems.addAll(contents.problems());
            int passed = 0;
            for (Scenario scenario : contents.scenarios()) {
                String failure = run(policy, scenario);
                if (failure == null) {
                    passed++;
                } else {
                    problems.add(new PolicyProblem(workbook.path(), scenario.place(), failure));
                }
            }
            problems.add(PolicyProblem.info(workbook.path(), null,
                    passed + " of " + contents.scenarios().size() + " scenarios passed"));
        }
        return problems;
    }

    private String run(CompiledPolicy policy, Scenario scenario) {
        Ledger decided;
        try {
            decided = evaluator.evaluate(policy, scenario.lead()).ledger();
        } catch (EvaluationFailedException e) {
            return "the policy failed on this scenario: " + e.getMessage();
        }
        List<String> differences = scenario.differences(decided);
        if (differences.isEmpty()) {
            return null;
        }
        return String.join("; ", differences) + ". Fired: "
                + String.join(", ", decided.firedRules().stream().map(FiredRule::name).toList());
    }
}
