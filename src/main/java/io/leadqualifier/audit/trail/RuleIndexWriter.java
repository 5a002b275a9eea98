package io.leadqualifier.audit.trail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One step of the rule index inside the caller's transaction: takes the index's mark (the last place in the chain
 * indexed), reads the decisions recorded after it in chain order, names any rule never seen, inserts one
 * {@link RuleHit} per rule per decision in a batch and moves the mark. Decisions commit in chain order (the chain
 * head's lock orders them), so what is recorded after the mark is always a whole run of the chain.
 */
final class RuleIndexWriter {
    private static final Logger LOG = Logger.getLogger(RuleIndexWriter.class);

    /** One index entry to write: a rule that fired for the decision at this place in the chain. */
    private record Hit(String rule, OffsetDateTime evaluatedAt, long sequence) {
    }

    private final ObjectMapper json;
    /**
     * The rules of the decisions this instance recorded, by place in the chain; a decision missing here (recorded
     * by another instance, or before a restart) has its body read. Forgotten once read, whoever indexed them.
     */
    private final ConcurrentNavigableMap<Long, List<String>> remembered;
    /** Rule name to id as committed; ids added by a transaction join it only through {@link #committed}. */
    private final Map<String, Integer> ruleIds = new ConcurrentHashMap<>();
    private final Map<String, Integer> added = new ConcurrentHashMap<>();
    /** The mark the last {@link #index} moved to, and the mark as last committed ({@link #committed}). */
    private long moved;
    private volatile long committedMark;

    RuleIndexWriter(ObjectMapper json, ConcurrentNavigableMap<Long, List<String>> remembered) {
        this.json = json;
        this.remembered = remembered;
    }

    /** Indexes at most {@code max} decisions after the mark; returns how many were read. */
    int index(Connection connection, int max) throws SQLException {
        added.clear();
        long mark;
        try (PreparedStatement lock = connection.prepareStatement("select indexed_seq from rule_index_mark where id = 1 for update");
                ResultSet row = lock.executeQuery()) {
            row.next();
            mark = row.getLong(1);
        }
        List<Hit> hits = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        long last = mark;
        int read = 0;
        try (PreparedStatement decisions = connection.prepareStatement(
                "select chain_seq, evaluated_at, id, body from decision where chain_seq > ? order by chain_seq")) {
            decisions.setLong(1, mark);
            decisions.setMaxRows(max);
            try (ResultSet rows = decisions.executeQuery()) {
                while (rows.next()) {
                    read++;
                    last = rows.getLong(1);
                    OffsetDateTime evaluatedAt = rows.getObject(2, OffsetDateTime.class);
                    List<String> rules = remembered.get(last);
                    if (rules == null) {
                        rules = rulesOf(rows.getString(3), rows.getBytes(4));
                    }
                    for (String rule : rules) {
                        names.add(rule);
                        hits.add(new Hit(rule, evaluatedAt, last));
                    }
                }
            }
        }
        remembered.headMap(last, true).clear();
        moved = last;
        if (read == 0) {
            return 0;
        }
        Map<String, Integer> ids = ids(connection, names);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into decision_rule_hit (rule_id, evaluated_at, decision_seq) values (?, ?, ?)")) {
            for (Hit hit : hits) {
                insert.setInt(1, ids.get(hit.rule()));
                insert.setObject(2, hit.evaluatedAt());
                insert.setLong(3, hit.sequence());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement("update rule_index_mark set indexed_seq = ? where id = 1")) {
            move.setLong(1, last);
            move.executeUpdate();
        }
        return read;
    }

    /** The index's mark as the last committed {@link #index} left it: every decision up to it is indexed. */
    long mark() {
        return committedMark;
    }

    /** Call after the commit of {@link #index}: the rule names it added, and its mark, are now known to every later one. */
    void committed() {
        committedMark = moved;
        ruleIds.putAll(added);
        added.clear();
    }

    private List<String> rulesOf(String decisionId, byte[] body) {
        if (body == null) {
            // A row of the first format (rules in a text column): all of them were indexed before the mark existed.
            return List.of();
        }
        try {
            return PendingDecision.ruleNames(DecisionBody.decode(body, json, decisionId).firedRules());
        } catch (RuntimeException e) {
            // A body altered in the database: the chain's verification reports it; the index goes on without it.
            LOG.warnf("Decision %s is left out of the rule index: %s", decisionId, e.getMessage());
            return List.of();
        }
    }

    /** Ids of the rule names, adding names never seen; the mark's lock keeps ids unique across instances. */
    private Map<String, Integer> ids(Connection connection, Set<String> names) throws SQLException {
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : names) {
            if (!ruleIds.containsKey(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return ruleIds;
        }
        int last = 0;
        try (PreparedStatement all = connection.prepareStatement("select id, name from rule_name"); ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                last = Math.max(last, rows.getInt(1));
                if (unknown.remove(rows.getString(2))) {
                    added.put(rows.getString(2), rows.getInt(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into rule_name (id, name) values (?, ?)")) {
                for (String rule : unknown) {
                    insert.setInt(1, ++last);
                    insert.setString(2, rule);
                    insert.addBatch();
                    added.put(rule, last);
                }
                insert.executeBatch();
            }
        }
        Map<String, Integer> ids = new HashMap<>(ruleIds);
        ids.putAll(added);
        return ids;
    }
}
