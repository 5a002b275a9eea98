package io.leadqualifier.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.facts.Stage;

/**
 * Checks a policy for meaning, beyond what compiles: a stage no rule assigns, temperature bands with gaps
 * or overlaps, an activity type scored by two rules, a rule reading a lead field the API never fills.
 * (Duplicate rule names are refused by the compiler.) Each finding names its file and rule.
 */
@ApplicationScoped
public class PolicyLint implements PolicyCheck {
    private static final Pattern RULE = Pattern.compile("(?s)\\brule\\s+\"([^\"]+)\"(.*?)\\bwhen\\b(.*?)\\bthen\\b(.*?)\\n\\s*end\\b");
    private static final Pattern ASSIGNS_STAGE = Pattern.compile("outcome\\.stage\\(\\s*Stage\\.([A-Z_]+)\\s*\\)");
    private static final Pattern ASSIGNS_TEMPERATURE = Pattern.compile("outcome\\.temperature\\(\\s*Temperature\\.([A-Z_]+)\\s*\\)");
    private static final Pattern TALLY_TYPE = Pattern.compile("ActivityTally\\s*\\(\\s*type\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern SCORES_ENGAGEMENT = Pattern.compile("outcome\\.engagement\\(");
    private static final Pattern TOTAL_AT_LEAST = Pattern.compile("total\\s*>=\\s*(-?\\d+)");
    private static final Pattern TOTAL_BELOW = Pattern.compile("total\\s*<\\s*(-?\\d+)");
    private static final Pattern LEAD_PATTERN = Pattern.compile("\\bLead\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
    private static final Pattern PATH = Pattern.compile("\\b([a-z][A-Za-z]*)\\.([a-z][A-Za-z]*)\\b");

    private final LeadFieldsFilled filled;

    PolicyLint(LeadFieldsFilled filled) {
        this.filled = filled;
    }

    /** A rule as written in DRL, with where it is. */
    record RuleText(String name, String lhs, String rhs, DrlSource source, int line) {
        String place() {
            return source.locate(line) + (source.sheet() == null ? ", rule \"" + name + "\"" : "");
        }
    }

    @Override
    public List<PolicyProblem> check(CompiledPolicy policy) {
        List<RuleText> rules = rules(policy.drlSources());
        List<PolicyProblem> problems = new ArrayList<>();
        unreachableStages(rules, problems);
        temperatureBands(rules, problems);
        activityTypesScoredTwice(rules, problems);
        unfilledLeadFields(rules, problems);
        return problems;
    }

    static List<RuleText> rules(List<DrlSource> sources) {
        List<RuleText> rules = new ArrayList<>();
        for (DrlSource source : sources) {
            Matcher matcher = RULE.matcher(source.drl());
            while (matcher.find()) {
                int line = 1 + (int) source.drl().substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                rules.add(new RuleText(matcher.group(1), matcher.group(3), matcher.group(4), source, line));
            }
        }
        return rules;
    }

    private static void unreachableStages(List<RuleText> rules, List<PolicyProblem> problems) {
        Set<Stage> assigned = EnumSet.noneOf(Stage.class);
        for (RuleText rule : rules) {
            Matcher matcher = ASSIGNS_STAGE.matcher(rule.rhs());
            while (matcher.find()) {
                try {
                    assigned.add(Stage.valueOf(matcher.group(1)));
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
    private static void temperatureBands(List<RuleText> rules, List<PolicyProblem> problems) {
        record Band(RuleText rule, String temperature, long from, long to) {
        }
        List<Band> bands = new ArrayList<>();
        for (RuleText rule : rules) {
            Matcher assigns = ASSIGNS_TEMPERATURE.matcher(rule.rhs());
            if (!assigns.find()) {
                continue;
            }
            String conditions = rule.lhs().replaceAll("not\\s+AssignedTemperature\\s*\\(\\s*\\)", "");
            String rest = conditions.replaceAll(TOTAL_AT_LEAST.pattern(), "").replaceAll(TOTAL_BELOW.pattern(), "")
                    .replaceAll("Score|[(),\\s]", "");
            if (!rest.isEmpty()) {
                continue; // depends on more than the total (a recent request): not a band
            }
            Matcher from = TOTAL_AT_LEAST.matcher(conditions);
            Matcher to = TOTAL_BELOW.matcher(conditions);
            bands.add(new Band(rule, assigns.group(1), from.find() ? Long.parseLong(from.group(1)) : Long.MIN_VALUE,
                    to.find() ? Long.parseLong(to.group(1)) : Long.MAX_VALUE));
        }
        if (bands.isEmpty()) {
            return;
        }
        bands.sort(Comparator.comparingLong(Band::from).thenComparingLong(Band::to));
        long covered = 0;
        Band previous = null;
        for (Band band : bands) {
            if (band.from() > covered) {
                problems.add(new PolicyProblem(band.rule().source().file(), band.rule().place(),
                        "temperature bands leave totals " + covered + " to " + (band.from() - 1) + " without a temperature"));
            }
            if (previous != null && band.from() < previous.to() && !band.temperature().equals(previous.temperature())) {
                problems.add(PolicyProblem.warning(band.rule().source().file(), band.rule().place(),
                        "temperature band " + band.temperature() + " [" + band.from() + ", " + bound(band.to()) + ") overlaps "
                                + previous.temperature() + " [" + bound(previous.from()) + ", " + bound(previous.to())
                                + ") of rule \"" + previous.rule().name() + "\": the first matching row wins"));
            }
            covered = Math.max(covered, band.to());
            previous = band;
        }
        if (covered != Long.MAX_VALUE) {
            Band last = bands.get(bands.size() - 1);
            problems.add(new PolicyProblem(last.rule().source().file(), last.rule().place(),
                    "temperature bands leave totals from " + covered + " up without a temperature"));
        }
    }

    private static void activityTypesScoredTwice(List<RuleText> rules, List<PolicyProblem> problems) {
        Map<String, RuleText> scoredBy = new LinkedHashMap<>();
        for (RuleText rule : rules) {
            if (!SCORES_ENGAGEMENT.matcher(rule.rhs()).find()) {
                continue;
            }
            Matcher type = TALLY_TYPE.matcher(rule.lhs());
            while (type.find()) {
                RuleText first = scoredBy.putIfAbsent(type.group(1), rule);
                if (first != null) {
                    problems.add(new PolicyProblem(rule.source().file(), rule.place(), "activity type " + type.group(1)
                            + " is scored twice: also by rule \"" + first.name() + "\" (" + first.source().file() + ")"));
                }
            }
        }
    }

    private void unfilledLeadFields(List<RuleText> rules, List<PolicyProblem> problems) {
        Set<String> paths = filled.paths();
        for (RuleText rule : rules) {
            Set<String> reported = new java.util.HashSet<>();
            Matcher lead = LEAD_PATTERN.matcher(rule.lhs());
            while (lead.find()) {
                String constraints = lead.group(1).replaceAll("\"[^\"]*\"", "\"\"");
                Matcher path = PATH.matcher(constraints);
                while (path.find()) {
                    String field = path.group(1) + "." + path.group(2);
                    if (paths.stream().anyMatch(p -> p.startsWith(path.group(1) + ".")) && !paths.contains(field)
                            && reported.add(field)) {
                        problems.add(PolicyProblem.warning(rule.source().file(), rule.place(),
                                "reads Lead field " + field + ", which no API request fills: the condition never sees a value"));
                    }
                }
            }
        }
    }

    private static String bound(long value) {
        return value == Long.MAX_VALUE ? "∞" : value == Long.MIN_VALUE ? "-∞" : Long.toString(value);
    }
}
