package io.leadqualifier.audit.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.audit.trail.RuleIndex;
import io.quarkus.panache.common.Sort;

/** Finds recorded decisions: filtered, paged, newest first, with a total; and a lead's history. */
@ApplicationScoped
public class DecisionSearch {
    /** The most decisions one lead history returns. */
    static final int HISTORY_LIMIT = 1000;
    /** A search the database cannot answer in this time is cancelled rather than left holding a worker. */
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    private final RuleIndex ruleIndex;

    DecisionSearch(RuleIndex ruleIndex) {
        this.ruleIndex = ruleIndex;
    }

    /** A page of decisions and how many match in all. */
    public record Page(long total, int page, int size, List<DecisionSummary> items) {
    }

    @Transactional
    public Page search(DecisionQuery query, int page, int size) {
        if (query.rule() != null) {
            // In a transaction of its own, committed before this one reads the index.
            ruleIndex.catchUp();
        }
        // With a lead, its few decisions are the shorter walk; otherwise the rule's index is.
        return query.rule() == null || query.leadId() != null ? searchDecisions(query, page, size) : searchByRule(query, page, size);
    }

    private Page searchDecisions(DecisionQuery query, int page, int size) {
        DecisionFilter filter = DecisionFilter.of(query);
        List<RecordedDecision> rows = rows("select d.* from decision d where " + filter.sql()
                + " order by d.evaluated_at desc, d.id desc", filter, page, size);
        return new Page(count("select count(*) from decision d where " + filter.sql(), filter), page, size, summaries(rows));
    }

    /** Walks the (rule, time) index newest first, so a rule that fired a million times pages as fast as a rare one. */
    private Page searchByRule(DecisionQuery query, int page, int size) {
        List<?> ruleId = RecordedDecision.getEntityManager().createNativeQuery("select id from rule_name where name = ?1")
                .setParameter(1, query.rule()).getResultList();
        if (ruleId.isEmpty()) {
            return new Page(0, page, size, List.of());
        }
        DecisionFilter index = DecisionFilter.ruleIndex(((Number) ruleId.get(0)).intValue(), query);
        DecisionFilter decisions = DecisionFilter.decisionFields(query);
        DecisionFilter both = index.and(decisions);
        String walk = " from decision_rule_hit r join decision d on d.chain_seq = r.decision_seq where " + both.sql();
        // The rule leads the order although it is fixed: H2 then reads the (rule, time) index in order instead of
        // sorting every decision the rule fired in.
        List<RecordedDecision> rows = rows("select d.*" + walk + " order by r.rule_id, r.evaluated_at desc, r.decision_seq desc",
                both, page, size);
        // Only the rule and times: count the index alone, without touching the decisions.
        long total = decisions.isEmpty() ? count("select count(*) from decision_rule_hit r where " + index.sql(), index)
                : count("select count(*)" + walk, both);
        return new Page(total, page, size, summaries(rows));
    }

    @SuppressWarnings("unchecked")
    private static List<RecordedDecision> rows(String sql, DecisionFilter filter, int page, int size) {
        Query rows = RecordedDecision.getEntityManager().createNativeQuery(sql, RecordedDecision.class);
        bind(rows, filter);
        return rows.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    private static long count(String sql, DecisionFilter filter) {
        Query count = RecordedDecision.getEntityManager().createNativeQuery(sql);
        bind(count, filter);
        return ((Number) count.getSingleResult()).longValue();
    }

    private static void bind(Query query, DecisionFilter filter) {
        for (int i = 0; i < filter.parameters().size(); i++) {
            query.setParameter(i + 1, filter.parameters().get(i));
        }
        query.setHint(QUERY_TIMEOUT, TIMEOUT_MILLIS);
    }

    private static List<DecisionSummary> summaries(List<RecordedDecision> rows) {
        return rows.stream().map(row -> DecisionSummary.of(row, null)).toList();
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
