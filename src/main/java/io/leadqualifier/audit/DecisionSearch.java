package io.leadqualifier.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Finds recorded decisions: filtered, paged, newest first, with a total; and a lead's history. */
@ApplicationScoped
public class DecisionSearch {
    /** The most decisions one lead history returns. */
    static final int HISTORY_LIMIT = 1000;
    /** A search the database cannot answer in this time is cancelled rather than left holding a worker. */
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    /** A page of decisions and how many match in all. */
    public record Page(long total, int page, int size, List<DecisionSummary> items) {
    }

    @Transactional
    public Page search(DecisionQuery query, int page, int size) {
        // With a lead, its few decisions are the shorter walk; otherwise the rule's index is.
        return query.rule() == null || query.leadId() != null ? searchDecisions(query, page, size) : searchByRule(query, page, size);
    }

    private Page searchDecisions(DecisionQuery query, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = "from RecordedDecision d where " + decisionFilters(query, parameters, "d.") + timeFilters(query, parameters, "d.");
        if (query.rule() != null) {
            where += " and exists (select 1 from RuleHit r, RuleName n where n.name = :rule and r.ruleId = n.id"
                    + " and r.evaluatedAt = d.evaluatedAt and r.decisionSeq = d.chainSeq)";
            parameters.put("rule", query.rule());
        }
        var found = RecordedDecision.<RecordedDecision>find(where, Sort.descending("evaluatedAt").and("id", Sort.Direction.Descending),
                parameters).withHint(QUERY_TIMEOUT, TIMEOUT_MILLIS);
        List<DecisionSummary> items = found.page(page, size).list().stream().map(row -> DecisionSummary.of(row, null)).toList();
        return new Page(found.count(), page, size, items);
    }

    /** Walks the (rule, time) index newest first, so a rule that fired a million times pages as fast as a rare one. */
    private Page searchByRule(DecisionQuery query, int page, int size) {
        EntityManager db = RecordedDecision.getEntityManager();
        List<Integer> ruleId = db.createQuery("select n.id from RuleName n where n.name = :rule", Integer.class)
                .setParameter("rule", query.rule()).getResultList();
        if (ruleId.isEmpty()) {
            return new Page(0, page, size, List.of());
        }
        Map<String, Object> ruleParameters = new HashMap<>(Map.of("ruleId", ruleId.get(0)));
        String ruleWhere = "r.ruleId = :ruleId" + timeFilters(query, ruleParameters, "r.");
        Map<String, Object> parameters = new HashMap<>(ruleParameters);
        String decisionFilters = decisionFilters(query, parameters, "d.");
        String where = ruleWhere + " and d.chainSeq = r.decisionSeq and " + decisionFilters;
        TypedQuery<RecordedDecision> rows = db.createQuery("select d from RuleHit r, RecordedDecision d where " + where
                // The rule leads the order although it is fixed: H2 then reads the (rule, time) index in order
                // instead of sorting every decision the rule fired in.
                + " order by r.ruleId, r.evaluatedAt desc, r.decisionSeq desc", RecordedDecision.class);
        parameters.forEach(rows::setParameter);
        rows.setHint(QUERY_TIMEOUT, TIMEOUT_MILLIS);
        List<DecisionSummary> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> DecisionSummary.of(row, null)).toList();
        // Only the rule and times: count the index alone, without touching the decisions.
        boolean indexOnly = parameters.size() == ruleParameters.size();
        TypedQuery<Long> count = indexOnly
                ? db.createQuery("select count(r) from RuleHit r where " + ruleWhere, Long.class)
                : db.createQuery("select count(r) from RuleHit r, RecordedDecision d where " + where, Long.class);
        (indexOnly ? ruleParameters : parameters).forEach(count::setParameter);
        count.setHint(QUERY_TIMEOUT, TIMEOUT_MILLIS);
        return new Page(count.getSingleResult(), page, size, items);
    }

    private static String decisionFilters(DecisionQuery query, Map<String, Object> parameters, String alias) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.leadId() != null) {
            where.append(" and ").append(alias).append("leadId = :leadId");
            parameters.put("leadId", query.leadId());
        }
        if (query.stage() != null) {
            where.append(" and ").append(alias).append("stage = :stage");
            parameters.put("stage", query.stage().name());
        }
        if (query.route() != null) {
            where.append(" and ").append(alias).append("route = :route");
            parameters.put("route", query.route().name());
        }
        if (query.policyVersion() != null) {
            where.append(" and ").append(alias).append("policyVersion = :version");
            parameters.put("version", query.policyVersion());
        }
        return where.toString();
    }

    private static String timeFilters(DecisionQuery query, Map<String, Object> parameters, String alias) {
        StringBuilder where = new StringBuilder();
        if (query.from() != null) {
            where.append(" and ").append(alias).append("evaluatedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and ").append(alias).append("evaluatedAt < :to");
            parameters.put("to", query.to());
        }
        return where.toString();
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
