package io.leadqualifier.policy.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;

import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.CodeTokens;
import io.leadqualifier.policy.source.CodeTokens.Kind;
import io.leadqualifier.policy.source.CodeTokens.Tok;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.ParsedDrl;

/**
 * A rule as the engine reads it, for lint: its conditions from the parsed tree (each constraint parsed by the
 * engine's expression parser), its consequence as Java tokens, and where it is. A comment or a string that looks
 * like a rule, a condition or a call is none of these here.
 *
 * @param descr the rule as parsed
 * @param then  its consequence as Java tokens (none if it is not Java: the guard has refused it)
 * @param drl   the DRL it is written in
 */
public record DrlRule(RuleDescr descr, List<Tok> then, ParsedDrl drl) {

    /** Every rule of these sources, in order. */
    static List<DrlRule> of(List<DrlSource> sources) {
        List<DrlRule> rules = new ArrayList<>();
        for (DrlSource source : sources) {
            ParsedDrl drl = ParsedDrl.of(source);
            for (RuleDescr rule : drl.rules()) {
                List<Tok> then = List.of();
                if (rule.getConsequence() instanceof String code) {
                    try {
                        then = CodeTokens.java(code, drl.lineOf(code, rule));
                    } catch (CodeTokens.Unreadable e) {
                        // left empty
                    }
                }
                rules.add(new DrlRule(rule, then, drl));
            }
        }
        return rules;
    }

    String name() {
        return descr.getName();
    }

    String file() {
        return drl.source().file();
    }

    /** "line 12, rule "…"" in a DRL file; "sheet Fit, row starting at cell B12, rule "…"" in a table. */
    String place() {
        return drl.locate(descr.getLine()) + (drl.source().sheet() == null ? ", rule \"" + name() + "\"" : "");
    }

    /** {@code NAME} of each {@code outcome.method(Type.NAME)} the consequence calls ({@code Type} may be qualified). */
    List<String> constantsPassedTo(String method, String type) {
        List<String> constants = new ArrayList<>();
        for (List<Tok> arguments : arguments(method)) {
            int n = arguments.size();
            boolean constant = n >= 3 && arguments.get(n - 3).is(type) && arguments.get(n - 2).is(".")
                    && arguments.get(n - 1).kind() == Kind.WORD;
            constants.add(constant ? arguments.get(n - 1).text() : null);
        }
        return constants;
    }

    /**
     * The queues the consequence hands off to: the text of each {@code outcome.sla()…owner("QUEUE")} in one
     * statement (the SLA table writes {@code outcome.sla().owner("SDR");}).
     */
    List<String> slaOwners() {
        return slaTerm("owner");
    }

    /** The business calendars the consequence counts its SLA in: each {@code outcome.sla()…calendar("NAME")}. */
    List<String> slaCalendars() {
        return slaTerm("calendar");
    }

    /** The text literals given to one term of the SLA ({@code owner}, {@code calendar}) in the consequence. */
    private List<String> slaTerm(String term) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i + 4 < then.size(); i++) {
            if (!then.get(i).is(PolicyCompiler.OUTCOME_GLOBAL) || (i > 0 && then.get(i - 1).is(".")) || !then.get(i + 1).is(".")
                    || !then.get(i + 2).is("sla") || !then.get(i + 3).is("(")) {
                continue;
            }
            for (int j = i + 4; j < then.size() && !then.get(j).is(";"); j++) {
                if (j + 4 < then.size() && then.get(j).is(".") && then.get(j + 1).is(term) && then.get(j + 2).is("(")
                        && then.get(j + 3).kind() == Kind.LITERAL && then.get(j + 4).is(")")) {
                    String literal = then.get(j + 3).text();
                    if (literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")) {
                        owners.add(literal.substring(1, literal.length() - 1));
                    }
                }
            }
        }
        return owners;
    }

    boolean calls(String method) {
        return !arguments(method).isEmpty();
    }

    /** The tokens between the parentheses of each {@code outcome.method(…)} the consequence calls. */
    private List<List<Tok>> arguments(String method) {
        List<List<Tok>> calls = new ArrayList<>();
        for (int i = 0; i + 3 < then.size(); i++) {
            if (then.get(i).is(PolicyCompiler.OUTCOME_GLOBAL) && (i == 0 || !then.get(i - 1).is(".")) && then.get(i + 1).is(".")
                    && then.get(i + 2).is(method) && then.get(i + 3).is("(")) {
                int close = i + 4;
                for (int depth = 1; close < then.size(); close++) {
                    depth += then.get(close).is("(") ? 1 : then.get(close).is(")") ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                calls.add(then.subList(i + 4, close));
            }
        }
        return calls;
    }

    /**
     * [at least, below) when the conditions are {@code not AssignedTemperature()} and {@code Score} patterns that
     * constrain {@code total >= n} and {@code total < n} alone; null when they read anything else (a recent request).
     */
    long[] totalBand() {
        long[] band = {Long.MIN_VALUE, Long.MAX_VALUE};
        for (BaseDescr condition : descr.getLhs().getDescrs()) {
            if (condition instanceof NotDescr not && not.getDescrs().size() == 1
                    && not.getDescrs().get(0) instanceof PatternDescr guard && isA(guard, "AssignedTemperature")
                    && guard.getDescrs().isEmpty() && guard.getSource() == null) {
                continue;
            }
            if (!(condition instanceof PatternDescr score) || !isA(score, "Score") || score.getSource() != null
                    || constraints(score).size() != score.getDescrs().size()) {
                return null;
            }
            for (ConstraintConnectiveDescr constraint : constraints(score)) {
                List<BaseDescr> parts = constraint.getConnective() == ConnectiveType.AND ? constraint.getDescrs() : List.of(constraint);
                for (BaseDescr part : parts) {
                    if (!(part instanceof RelationalExprDescr relation) || relation.isNegated()
                            || !(relation.getLeft() instanceof AtomicExprDescr left) || !left.getExpression().equals("total")
                            || !(relation.getRight() instanceof AtomicExprDescr right)
                            || !right.getExpression().matches("-?\\d{1,18}")) {
                        return null;
                    }
                    long value = Long.parseLong(right.getExpression());
                    if (relation.getOperator().equals(">=")) {
                        band[0] = Math.max(band[0], value);
                    } else if (relation.getOperator().equals("<")) {
                        band[1] = Math.min(band[1], value);
                    } else {
                        return null;
                    }
                }
            }
        }
        return band;
    }

    /** The activity types matched: {@code type == "…"} in the ActivityTally patterns required (not under {@code not}). */
    Set<String> activityTypes() {
        Set<String> types = new LinkedHashSet<>();
        activityTypes(descr.getLhs(), types);
        return types;
    }

    /** The {@code a.b} property paths the Lead patterns read, wherever they are in the conditions. */
    Set<String> leadFields() {
        Set<String> fields = new LinkedHashSet<>();
        leadFields(descr.getLhs(), fields);
        return fields;
    }

    private static void activityTypes(BaseDescr condition, Set<String> types) {
        if (condition instanceof PatternDescr pattern) {
            if (isA(pattern, "ActivityTally")) {
                constraints(pattern).forEach(constraint -> typeLiterals(constraint, types));
            }
        } else if (condition instanceof ConditionalElementDescr group && !(condition instanceof NotDescr)) {
            group.getDescrs().forEach(child -> activityTypes((BaseDescr) child, types));
        }
    }

    private static void typeLiterals(BaseDescr constraint, Set<String> types) {
        if (constraint instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(part -> typeLiterals(part, types));
        } else if (constraint instanceof RelationalExprDescr relation && relation.getOperator().equals("==") && !relation.isNegated()
                && relation.getLeft() instanceof AtomicExprDescr left && relation.getRight() instanceof AtomicExprDescr right) {
            AtomicExprDescr literal = left.isLiteral() ? left : right;
            AtomicExprDescr field = left.isLiteral() ? right : left;
            if (field.getExpression().equals("type") && literal.getExpression().startsWith("\"")) {
                types.add(literal.getExpression().substring(1, literal.getExpression().length() - 1));
            }
        }
    }

    private static void leadFields(BaseDescr condition, Set<String> fields) {
        if (condition instanceof PatternDescr pattern) {
            if (isA(pattern, "Lead")) {
                constraints(pattern).forEach(constraint -> readPaths(constraint, fields));
            }
        } else if (condition instanceof ConditionalElementDescr group) {
            group.getDescrs().forEach(child -> leadFields((BaseDescr) child, fields));
        }
    }

    private static void readPaths(BaseDescr constraint, Set<String> fields) {
        String expression = null;
        if (constraint instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(part -> readPaths(part, fields));
        } else if (constraint instanceof RelationalExprDescr relation) {
            readPaths(relation.getLeft(), fields);
            readPaths(relation.getRight(), fields);
        } else if (constraint instanceof AtomicExprDescr atomic && !atomic.isLiteral()) {
            expression = atomic.getExpression();
        } else if (constraint instanceof BindingDescr binding) {
            expression = binding.getExpression();
        }
        if (expression != null) {
            List<Tok> tokens = CodeTokens.drl(expression, 1);
            for (int i = 0; i + 2 < tokens.size(); i++) {
                Tok root = tokens.get(i);
                if (root.kind() == Kind.WORD && Character.isLowerCase(root.text().charAt(0)) && (i == 0 || !tokens.get(i - 1).is("."))
                        && tokens.get(i + 1).is(".") && tokens.get(i + 2).kind() == Kind.WORD) {
                    fields.add(root.text() + "." + tokens.get(i + 2).text());
                }
            }
        }
    }

    /** A pattern's constraints, each parsed by the engine's expression parser (one that does not parse is left out). */
    private static List<ConstraintConnectiveDescr> constraints(PatternDescr pattern) {
        return pattern.getDescrs().stream().filter(ExprConstraintDescr.class::isInstance)
                .map(constraint -> ParsedDrl.constraint(((ExprConstraintDescr) constraint).getExpression()))
                .filter(Objects::nonNull).toList();
    }

    private static boolean isA(PatternDescr pattern, String factType) {
        return pattern.getObjectType().equals(factType) || pattern.getObjectType().equals("io.leadqualifier.facts." + factType);
    }
}
