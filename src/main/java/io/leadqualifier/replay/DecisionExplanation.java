package io.leadqualifier.replay;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.leadqualifier.audit.trail.DecisionLog;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.policy.compile.CompiledPolicy;

/**
 * Explains a recorded decision: re-evaluates its recorded facts under its recorded policy version for the
 * ledger, boxes and causes, then asks the same policy "what if" to say what the lead lacks for each stage
 * above its own. The what-ifs read the policy's own thresholds: nothing here knows that MQL is 70 points.
 */
@ApplicationScoped
public class DecisionExplanation {
    /** The most points a what-if adds when looking for the MQL threshold. */
    static final int POINTS_SEARCHED = 10_000;

    private final DecisionLog log;
    private final DecisionReplay replay;
    private final LeadEvaluator evaluator;

    DecisionExplanation(DecisionLog log, DecisionReplay replay, LeadEvaluator evaluator) {
        this.log = log;
        this.replay = replay;
        this.evaluator = evaluator;
    }

    public Explanation explain(UUID decisionId) {
        DecisionView recorded = log.findRecorded(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId));
        CompiledPolicy policy = replay.policy(recorded.policy().version());
        QualifyRequest input = recorded.input();
        Ledger decided = evaluate(policy, input, Hypothesis.NONE);
        DecisionReplay.Result comparison = replay.compare(recorded, decided, policy);

        List<Explanation.Line> fitLines = lines(policy, decided.fitLedger());
        List<Explanation.Line> engagementLines = lines(policy, decided.engagementLedger());
        int fit = decided.fit();
        int engagement = decided.engagement();
        String arithmetic = "fit " + fit + " = " + sum(fitLines) + "; engagement " + engagement + " = " + sum(engagementLines)
                + "; total = max(0, " + fit + (engagement < 0 ? " − " + -engagement : " + " + engagement) + ") = " + decided.total();
        Explanation.Ledger ledger = new Explanation.Ledger(fit, engagement, decided.total(), fitLines, engagementLines, arithmetic);

        Map<ChecklistBox, List<String>> boxRules = decided.boxRules();
        List<Explanation.Box> boxes = new ArrayList<>();
        for (ChecklistBox box : ChecklistBox.values()) {
            boxes.add(new Explanation.Box(box, decided.boxes().contains(box), boxRules.getOrDefault(box, List.of())));
        }
        Explanation.SlaCause sla = decided.sla() == null ? null
                : new Explanation.SlaCause(DecisionReplay.assigned(recorded, decided, policy), cause(policy, decided.slaReason()));
        List<Explanation.Cause> knockOuts = decided.knockOuts().stream().map(reason -> cause(policy, reason)).toList();
        return new Explanation(recorded.decisionId(), recorded.leadId(), recorded.asOf(), policy.version(), decided.stage(),
                decided.temperature(), decided.route(), ledger, boxes, cause(policy, decided.stageReason()),
                cause(policy, decided.temperatureReason()), cause(policy, decided.routeReason()), sla,
                knockOuts.isEmpty() ? null : knockOuts, whyNot(policy, input, decided), comparison.identical(),
                comparison.identical() ? null : comparison.differences());
    }

    private Explanation.WhyNot whyNot(CompiledPolicy policy, QualifyRequest input, Ledger decided) {
        Stage stage = decided.stage();
        if (stage == Stage.DISQUALIFIED) {
            String knockedOut = decided.knockOuts().stream().map(Reason::message).collect(Collectors.joining("; "));
            String summary = "Knocked out (" + knockedOut + "): no score, box or sales signal changes the stage while that holds";
            Explanation.Gap none = new Explanation.Gap(null, false, summary, null, null, null, null, null);
            return new Explanation.WhyNot(withStage(none, Stage.MQL), withStage(none, Stage.SQL), withStage(none, Stage.OPPORTUNITY));
        }
        Explanation.Gap mql = rank(stage) < rank(Stage.MQL) ? mqlGap(policy, input, decided) : null;
        Explanation.Gap sql = null;
        List<ChecklistBox> sqlBoxes = List.of();
        if (rank(stage) < rank(Stage.SQL)) {
            sql = sqlGap(policy, input, decided);
            sqlBoxes = sql.smallestBoxSets() == null || sql.smallestBoxSets().isEmpty() ? List.of() : sql.smallestBoxSets().get(0);
        }
        Explanation.Gap opportunity = rank(stage) < rank(Stage.OPPORTUNITY)
                ? opportunityGap(policy, input, sql == null || sql.reachable(), sqlBoxes) : null;
        return new Explanation.WhyNot(mql, sql, opportunity);
    }

    private static Explanation.Gap withStage(Explanation.Gap gap, Stage stage) {
        return new Explanation.Gap(stage, gap.reachable(), gap.summary(), null, null, null, null, null);
    }

    /** The fewest extra points that make it an MQL (stages are assumed to rise with the total). */
    private Explanation.Gap mqlGap(CompiledPolicy policy, QualifyRequest input, Ledger decided) {
        int total = decided.total();
        if (!reaches(policy, input, new Hypothesis(POINTS_SEARCHED, Set.of()), Stage.MQL)) {
            return new Explanation.Gap(Stage.MQL, false, "Not reachable on points: even " + POINTS_SEARCHED
                    + " more points leave it " + decided.stage(), null, null, null, null, null);
        }
        int low = 0;
        int high = POINTS_SEARCHED;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (reaches(policy, input, new Hypothesis(middle, Set.of()), Stage.MQL)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return new Explanation.Gap(Stage.MQL, true, high + (high == 1 ? " point" : " points") + " short: the total is " + total + ", MQL needs " + (total + high),
                high, total + high, null, null, null);
    }

    /** The smallest sets of unchecked boxes that, checked, make it an SQL. */
    private Explanation.Gap sqlGap(CompiledPolicy policy, QualifyRequest input, Ledger decided) {
        List<ChecklistBox> missing = new ArrayList<>(EnumSet.complementOf(toEnumSet(decided.boxes())));
        List<List<ChecklistBox>> smallest = new ArrayList<>();
        for (int size = 1; size <= missing.size() && smallest.isEmpty(); size++) {
            for (List<ChecklistBox> subset : subsets(missing, size)) {
                if (reaches(policy, input, new Hypothesis(0, toEnumSet(subset)), Stage.SQL)) {
                    smallest.add(subset);
                }
            }
        }
        String checked = decided.boxes().size() + " of " + ChecklistBox.values().length + " boxes checked";
        if (smallest.isEmpty()) {
            return new Explanation.Gap(Stage.SQL, false, checked + "; no combination of boxes makes it SQL under this policy",
                    null, null, missing, List.of(), null);
        }
        return new Explanation.Gap(Stage.SQL, true, checked + "; for SQL check " + describe(smallest), null, null, missing,
                smallest, null);
    }

    /**
     * The smallest box sets in words: "NEED and any 3 of BUDGET, AUTHORITY, TIMING, INTENT" when they are
     * every choice of k boxes from a pool on top of boxes they all share, else each set.
     */
    static String describe(List<List<ChecklistBox>> sets) {
        EnumSet<ChecklistBox> common = toEnumSet(sets.get(0));
        EnumSet<ChecklistBox> pool = EnumSet.noneOf(ChecklistBox.class);
        for (List<ChecklistBox> set : sets) {
            common.retainAll(set);
            pool.addAll(set);
        }
        pool.removeAll(common);
        int choose = sets.get(0).size() - common.size();
        if (sets.size() > 1 && choose > 0 && sets.size() == combinations(pool.size(), choose)) {
            String shared = common.stream().map(Enum::name).collect(Collectors.joining(" + "));
            String choice = choose == 1 ? pool.stream().map(Enum::name).collect(Collectors.joining(" or "))
                    : "any " + choose + " of " + pool.stream().map(Enum::name).collect(Collectors.joining(", "));
            return (shared.isEmpty() ? "" : shared + " and ") + choice;
        }
        return sets.stream().map(set -> set.stream().map(Enum::name).collect(Collectors.joining(" + "))).collect(Collectors.joining(" or "));
    }

    private static long combinations(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    /** Which single sales signal, once it is SQL (with {@code boxes} checked), makes it an opportunity. */
    private Explanation.Gap opportunityGap(CompiledPolicy policy, QualifyRequest input, boolean sqlReachable, List<ChecklistBox> boxes) {
        List<String> signals = new ArrayList<>();
        Hypothesis asSql = new Hypothesis(0, toEnumSet(boxes));
        QualifyRequest.Sales sales = input.sales();
        if (sqlReachable && reaches(policy, with(input, new QualifyRequest.Sales(sales.qualificationCallHeld(), sales.meetingBooked(), true,
                sales.negotiationStarted())), asSql, Stage.OPPORTUNITY)) {
            signals.add("proposalRequested");
        }
        if (sqlReachable && reaches(policy, with(input, new QualifyRequest.Sales(sales.qualificationCallHeld(), sales.meetingBooked(),
                sales.proposalRequested(), true)), asSql, Stage.OPPORTUNITY)) {
            signals.add("negotiationStarted");
        }
        if (signals.isEmpty()) {
            return new Explanation.Gap(Stage.OPPORTUNITY, false,
                    "No proposal request or negotiation makes it an opportunity under this policy" + (sqlReachable ? "" : " (it cannot become SQL)"),
                    null, null, null, null, List.of());
        }
        String first = boxes.isEmpty() ? "" : "once SQL (" + boxes.stream().map(Enum::name).collect(Collectors.joining(" + ")) + " checked), ";
        return new Explanation.Gap(Stage.OPPORTUNITY, true, first + "a sales signal: " + String.join(" or ", signals), null, null,
                null, null, signals);
    }

    private boolean reaches(CompiledPolicy policy, QualifyRequest input, Hypothesis hypothesis, Stage target) {
        Stage stage = evaluate(policy, input, hypothesis).stage();
        return rank(stage) >= rank(target);
    }

    private Ledger evaluate(CompiledPolicy policy, QualifyRequest input, Hypothesis hypothesis) {
        Lead lead = LeadFacts.of(input);
        return evaluator.evaluate(policy, lead, new WhatIfOutcome(lead.getAsOf(), hypothesis)).ledger();
    }

    private static QualifyRequest with(QualifyRequest input, QualifyRequest.Sales sales) {
        return new QualifyRequest(input.leadId(), input.asOf(), input.contact(), input.company(), input.source(), input.consent(),
                input.activities(), input.bant(), sales, input.history());
    }

    private static int rank(Stage stage) {
        return switch (stage) {
            case DISQUALIFIED -> -1;
            case LEAD -> 0;
            case MQL -> 1;
            case SQL -> 2;
            case OPPORTUNITY -> 3;
        };
    }

    private static List<Explanation.Line> lines(CompiledPolicy policy, List<Reason> ledger) {
        return ledger.stream().map(reason -> new Explanation.Line(reason.points() == null ? 0 : reason.points(), reason.rule(),
                policy.locationOf(reason.rule()), reason.message())).toList();
    }

    private static String sum(List<Explanation.Line> lines) {
        if (lines.isEmpty()) {
            return "0 (no points)";
        }
        StringBuilder text = new StringBuilder();
        for (Explanation.Line line : lines) {
            if (text.isEmpty()) {
                text.append(line.points());
            } else {
                text.append(line.points() < 0 ? " − " + -line.points() : " + " + line.points());
            }
        }
        return text.toString();
    }

    private static Explanation.Cause cause(CompiledPolicy policy, Reason reason) {
        return reason == null ? null : new Explanation.Cause(reason.rule(), policy.locationOf(reason.rule()), reason.message());
    }

    private static EnumSet<ChecklistBox> toEnumSet(java.util.Collection<ChecklistBox> boxes) {
        return boxes.isEmpty() ? EnumSet.noneOf(ChecklistBox.class) : EnumSet.copyOf(boxes);
    }

    private static List<List<ChecklistBox>> subsets(List<ChecklistBox> from, int size) {
        List<List<ChecklistBox>> subsets = new ArrayList<>();
        for (int mask = 0; mask < (1 << from.size()); mask++) {
            if (Integer.bitCount(mask) == size) {
                List<ChecklistBox> subset = new ArrayList<>();
                for (int i = 0; i < from.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(from.get(i));
                    }
                }
                subsets.add(subset);
            }
        }
        return subsets;
    }
}
