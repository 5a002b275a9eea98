package io.leadqualifier.audit.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of what a {@link DecisionQuery} selects, as SQL conditions with bound parameters: the
 * search and the export both read it, so they can never disagree on which decisions match. Decisions are
 * aliased {@code d}, the rule index {@code r}.
 */
final class DecisionFilter {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private DecisionFilter() {
    }

    /** Every condition of the query, on the decision table. */
    static DecisionFilter of(DecisionQuery query) {
        DecisionFilter filter = decisionFields(query);
        filter.time("d.evaluated_at", query);
        if (query.rule() != null) {
            filter.add("exists (select 1 from decision_rule_hit r join rule_name n on n.id = r.rule_id where n.name = ?"
                    + " and r.evaluated_at = d.evaluated_at and r.decision_seq = d.chain_seq)", query.rule());
        }
        return filter;
    }

    /** The conditions on the decision's own columns (lead, stage, route, version), not time nor rule. */
    static DecisionFilter decisionFields(DecisionQuery query) {
        DecisionFilter filter = new DecisionFilter();
        filter.addIf("d.lead_id = ?", query.leadId());
        filter.addIf("d.stage = ?", query.stage() == null ? null : query.stage().name());
        filter.addIf("d.route = ?", query.route() == null ? null : query.route().name());
        filter.addIf("d.policy_version = ?", query.policyVersion());
        return filter;
    }

    /** A walk of one rule's index entries over the query's time range. */
    static DecisionFilter ruleIndex(int ruleId, DecisionQuery query) {
        DecisionFilter filter = new DecisionFilter();
        filter.add("r.rule_id = ?", ruleId);
        filter.time("r.evaluated_at", query);
        return filter;
    }

    DecisionFilter and(DecisionFilter other) {
        DecisionFilter both = new DecisionFilter();
        both.conditions.addAll(conditions);
        both.conditions.addAll(other.conditions);
        both.parameters.addAll(parameters);
        both.parameters.addAll(other.parameters);
        return both;
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The conditions joined with {@code and}; {@code 1 = 1} when there are none. */
    String sql() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    /** The values of the {@code ?} placeholders, in order; instants as UTC offset date-times, which every driver binds. */
    List<Object> parameters() {
        return parameters;
    }

    private void time(String column, DecisionQuery query) {
        addIf(column + " >= ?", query.from());
        addIf(column + " < ?", query.to());
    }

    private void addIf(String condition, Object value) {
        if (value != null) {
            add(condition, value);
        }
    }

    private void add(String condition, Object value) {
        conditions.add(condition);
        parameters.add(value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
    }
}
