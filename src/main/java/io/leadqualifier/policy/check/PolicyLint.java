package io.leadqualifier.policy.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.facts.Stage;
import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * Checks a policy for meaning, beyond what compiles: a stage no rule assigns, temperature bands with gaps
 * or overlaps, an activity type scored by two rules, a rule reading a lead field the API never fills, a queue
 * the SLA hands off to without an active member in the roster.
 * (Duplicate rule names are refused by the compiler.) Rules are read as the engine reads them: their conditions
 * from the parsed tree, their consequences as Java tokens, so that comments and strings are never taken for rules.
 * Each finding names its file and rule.
 */
@ApplicationScoped
public class PolicyLint implements PolicyCheck {
    private final LeadFieldsFilled filled;

    public PolicyLint(LeadFieldsFilled filled) {
        this.filled = filled;
    }

    @Override
    public List<PolicyProblem> check(CompiledPolicy policy) {
        List<DrlRule> rules = DrlRule.of(policy.drlSources());
        List<PolicyProblem> problems = new ArrayList<>();
        unreachableStages(rules, problems);
        temperatureBands(rules, problems);
        activityTypesScoredTwice(rules, problems);
        unfilledLeadFields(rules, problems);
        queuesWithoutActiveMember(policy, rules, problems);
        unknownCalendars(policy, rules, problems);
        return problems;
    }

    /** An SLA rule that counts business hours names a calendar of the calendars workbook, or its deadlines cannot be computed. */
    private static void unknownCalendars(CompiledPolicy policy, List<DrlRule> rules, List<PolicyProblem> problems) {
        for (DrlRule rule : rules) {
            for (String calendar : rule.slaCalendars()) {
                if (policy.calendars().find(calendar).isEmpty()) {
                    problems.add(new PolicyProblem(rule.file(), rule.place(), "calendar '" + calendar + "' is not in the business calendars"
                            + (policy.calendars().isEmpty() ? " (there are none)" : " (" + String.join(", ", policy.calendars().names()) + ")")
                            + ": its respondBy and recycleAt cannot be counted in business hours"));
                }
            }
        }
    }

    /**
     * Every queue an SLA rule hands off to ({@code outcome.sla().owner("SDR")}) needs an active member in the roster,
     * or its hand-offs could not be assigned: an error on the first rule naming it. A policy without any roster
     * workbook (every version before rosters) assigns nobody: a warning. A roster queue no rule hands off to and
     * without an active member is a warning.
     */
    private static void queuesWithoutActiveMember(CompiledPolicy policy, List<DrlRule> rules, List<PolicyProblem> problems) {
        Map<String, DrlRule> handedTo = new LinkedHashMap<>();
        for (DrlRule rule : rules) {
            rule.slaOwners().forEach(owner -> handedTo.putIfAbsent(owner.strip().toUpperCase(Locale.ROOT), rule));
        }
        List<String> rosterFiles = policy.files().stream().filter(PolicyFile::isRoster).map(PolicyFile::path).toList();
        if (rosterFiles.isEmpty()) {
            if (!handedTo.isEmpty()) {
                problems.add(PolicyProblem.warning("decision-tables", null, "no roster workbook (decision-tables/*"
                        + PolicyFile.ROSTER_SUFFIX + "): hand-offs to " + String.join(", ", handedTo.keySet()) + " are assigned to nobody"));
            }
            return;
        }
        Roster roster = policy.roster();
        String where = String.join(", ", rosterFiles);
        handedTo.forEach((queue, rule) -> {
            if (!roster.hasActiveMember(queue)) {
                String why = roster.members(queue).isEmpty() ? "is not in the roster" : "has no active member in the roster";
                problems.add(new PolicyProblem(rule.file(), rule.place(), "queue " + queue + " " + why + " (" + where
                        + "): its hand-offs cannot be assigned to anyone"));
            }
        });
        roster.queues().stream().filter(queue -> !handedTo.containsKey(queue) && !roster.hasActiveMember(queue))
                .forEach(queue -> problems.add(PolicyProblem.warning(rosterFiles.size() == 1 ? where : "decision-tables", null, "queue " + queue
                        + " has no active member (no SLA rule hands off to it)")));
    }

    private static void unreachableStages(List<DrlRule> rules, List<PolicyProblem> problems) {
        Set<Stage> assigned = EnumSet.noneOf(Stage.class);
        for (DrlRule rule : rules) {
            for (String stage : rule.constantsPassedTo("stage", "Stage")) {
                try {
                    assigned.add(Stage.valueOf(String.valueOf(stage)));
                } catch (IllegalArgumentException e) {
                    // not a stage: the compiler reports it
                }
            }
        }
        for (Stage stage : Stage.values()) {
            if (!assigned.contains(stage)) {
                problems.add(new PolicyProblem("policy", null, "no rule assigns stage " + stage + ": it can never be reached"));
            }
        }
    }

    /** Rules that assign a temperature on the total alone form bands [at least, below) that must tile 0 to ∞. */
    private static void temperatureBands(List<DrlRule> rules, List<PolicyProblem> problems) {
        record Band(DrlRule rule, String temperature, long from, long to) {
        }
        List<Band> bands = new ArrayList<>();
        for (DrlRule rule : rules) {
            String temperature = rule.constantsPassedTo("temperature", "Temperature").stream().filter(Objects::nonNull)
                    .findFirst().orElse(null);
            long[] band = temperature == null ? null : rule.totalBand();
            if (band != null) {
                bands.add(new Band(rule, temperature, band[0], band[1]));
            }
        }
        if (bands.isEmpty()) {
            return;
        }
        bands.sort(Comparator.comparingLong(Band::from).thenComparingLong(Band::to));
        long covered = 0;
        Band previous = null;
        for (Band band : bands) {
            if (band.from() > covered) {
                problems.add(new PolicyProblem(band.rule().file(), band.rule().place(),
                        "temperature bands leave totals " + covered + " to " + (band.from() - 1) + " without a temperature"));
            }
            if (previous != null && band.from() < previous.to() && !band.temperature().equals(previous.temperature())) {
                problems.add(PolicyProblem.warning(band.rule().file(), band.rule().place(),
                        "temperature band " + band.temperature() + " [" + band.from() + ", " + bound(band.to()) + ") overlaps "
                                + previous.temperature() + " [" + bound(previous.from()) + ", " + bound(previous.to())
                                + ") of rule \"" + previous.rule().name() + "\": the first matching row wins"));
            }
            covered = Math.max(covered, band.to());
            previous = band;
        }
        if (covered != Long.MAX_VALUE) {
            Band last = bands.get(bands.size() - 1);
            problems.add(new PolicyProblem(last.rule().file(), last.rule().place(),
                    "temperature bands leave totals from " + covered + " up without a temperature"));
        }
    }

    private static void activityTypesScoredTwice(List<DrlRule> rules, List<PolicyProblem> problems) {
        Map<String, DrlRule> scoredBy = new LinkedHashMap<>();
        for (DrlRule rule : rules) {
            if (!rule.calls("engagement")) {
                continue;
            }
            for (String type : rule.activityTypes()) {
                DrlRule first = scoredBy.putIfAbsent(type, rule);
                if (first != null) {
                    problems.add(new PolicyProblem(rule.file(), rule.place(), "activity type " + type
                            + " is scored twice: also by rule \"" + first.name() + "\" (" + first.file() + ")"));
                }
            }
        }
    }

    private void unfilledLeadFields(List<DrlRule> rules, List<PolicyProblem> problems) {
        Set<String> paths = filled.paths();
        for (DrlRule rule : rules) {
            for (String field : rule.leadFields()) {
                String root = field.substring(0, field.indexOf('.') + 1);
                if (paths.stream().anyMatch(path -> path.startsWith(root)) && !paths.contains(field)) {
                    problems.add(PolicyProblem.warning(rule.file(), rule.place(),
                            "reads Lead field " + field + ", which no API request fills: the condition never sees a value"));
                }
            }
        }
    }

    private static String bound(long value) {
        return value == Long.MAX_VALUE ? "∞" : value == Long.MIN_VALUE ? "-∞" : Long.toString(value);
    }
}
