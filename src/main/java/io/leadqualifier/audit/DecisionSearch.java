package io.leadqualifier.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Finds recorded decisions: filtered, paged, newest first, with a total; and a lead's history. */
@ApplicationScoped
public class DecisionSearch {
    /** The most decisions one lead history returns. */
    static final int HISTORY_LIMIT = 1000;

    /** A page of decisions and how many match in all. */
    public record Page(long total, int page, int size, List<DecisionSummary> items) {
    }

    @Transactional
    public Page search(DecisionQuery query, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.leadId() != null) {
            where.append(" and leadId = :leadId");
            parameters.put("leadId", query.leadId());
        }
        if (query.stage() != null) {
            where.append(" and stage = :stage");
            parameters.put("stage", query.stage().name());
        }
        if (query.route() != null) {
            where.append(" and route = :route");
            parameters.put("route", query.route().name());
        }
        if (query.policyVersion() != null) {
            where.append(" and policyVersion = :version");
            parameters.put("version", query.policyVersion());
        }
        if (query.from() != null) {
            where.append(" and evaluatedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and evaluatedAt < :to");
            parameters.put("to", query.to());
        }
        if (query.rule() != null) {
            where.append(" and id in (select r.decisionId from DecisionRuleRecord r where r.ruleName = :rule)");
            parameters.put("rule", query.rule());
        }
        var found = RecordedDecision.<RecordedDecision>find(where.toString(),
                Sort.descending("evaluatedAt").and("id", Sort.Direction.Descending), parameters);
        List<DecisionSummary> items = found.page(page, size).list().stream().map(row -> DecisionSummary.of(row, null)).toList();
        return new Page(found.count(), page, size, items);
    }

    /** Ids of the decisions evaluated in [from, to), oldest first, at most {@code limit}. */
    @Transactional
    public List<java.util.UUID> idsEvaluatedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return RecordedDecision.<RecordedDecision>find("evaluatedAt >= ?1 and evaluatedAt < ?2 order by evaluatedAt, id", from, to)
                .page(0, limit).list().stream().map(row -> java.util.UUID.fromString(row.id)).toList();
    }

    /** A lead's decisions in time order, each stage change marked. */
    @Transactional
    public List<DecisionSummary> history(String leadId) {
        List<RecordedDecision> rows = RecordedDecision.<RecordedDecision>find("leadId", Sort.ascending("asOf", "evaluatedAt", "id"),
                leadId).page(0, HISTORY_LIMIT).list();
        List<DecisionSummary> history = new ArrayList<>(rows.size());
        String previous = null;
        for (RecordedDecision row : rows) {
            DecisionSummary.Transition transition = row.stage.equals(previous) ? null
                    : new DecisionSummary.Transition(previous, row.stage);
            history.add(DecisionSummary.of(row, transition));
            previous = row.stage;
        }
        return history;
    }
}
