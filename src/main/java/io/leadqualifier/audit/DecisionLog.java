package io.leadqualifier.audit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.qualification.QualifyRequest;

/**
 * Writes decisions to the trail and reads them back. Append-only: there is no update or delete path, and
 * each row is chained to the one before ({@link ChainLink}). The person's data goes to a table of its own.
 */
@ApplicationScoped
public class DecisionLog {
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    DecisionLog(ObjectMapper json) {
        this.json = json;
    }

    /** Commits the decision; returns only once it is stored, so no verdict leaves without its record. */
    @Transactional
    public void record(DecisionView decision, PersonalData.Split split, String idempotencyKey, String requestHash) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String personalJson = write(split.personal());

        RecordedDecision row = new RecordedDecision();
        row.id = decision.decisionId().toString();
        row.leadId = decision.leadId();
        row.asOf = decision.asOf();
        row.evaluatedAt = decision.evaluatedAt();
        row.stage = decision.stage().name();
        row.temperature = decision.temperature().name();
        row.route = decision.route().name();
        row.scoreFit = decision.score().fit();
        row.scoreEngagement = decision.score().engagement();
        row.scoreTotal = decision.score().total();
        row.policyVersion = decision.policy().version();
        row.idempotencyKey = idempotencyKey;
        row.requestHash = requestHash;
        row.firedRules = decision.firedRules().stream().map(FiredRule::name).collect(Collectors.joining("\n"));
        row.inputJson = write(split.recordable());
        row.outputJson = write(decision.withInput(null));
        row.personalDigest = ChainLink.personalDigest(salt, personalJson);

        EntityManager db = RecordedDecision.getEntityManager();
        // The head row lock orders concurrent decisions into one chain; it is held until commit. (Linking last,
        // after the inserts, measured slower: the row then has to be written twice.)
        Object[] head = (Object[]) db.createNativeQuery("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .getSingleResult();
        row.chainSeq = ((Number) head[0]).longValue() + 1;
        row.prevHash = (String) head[1];
        row.chainHash = ChainLink.hash(row.prevHash, row.chainRow());
        row.persistAndFlush();
        db.createNativeQuery("insert into decision_personal_data (decision_id, lead_id, salt, personal_json) values (?1, ?2, ?3, ?4)")
                .setParameter(1, row.id).setParameter(2, row.leadId).setParameter(3, salt).setParameter(4, personalJson)
                .executeUpdate();
        insertRuleIndex(db, row, decision.firedRules());
        db.createNativeQuery("update audit_chain_head set last_seq = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, row.chainSeq).setParameter(2, row.chainHash).executeUpdate();
    }

    /** One row per rule that fired (its first firing), in one statement: a decision fires about 15. */
    private static void insertRuleIndex(EntityManager db, RecordedDecision row, List<FiredRule> fired) {
        java.util.Map<String, Integer> first = new java.util.LinkedHashMap<>();
        for (FiredRule rule : fired) {
            first.putIfAbsent(rule.name(), rule.sequence());
        }
        if (first.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into decision_rule (decision_id, sequence, rule_name, evaluated_at) values ");
        for (int i = 0; i < first.size(); i++) {
            int p = 4 * i;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(')');
        }
        var insert = db.createNativeQuery(sql.toString());
        int p = 0;
        for (var rule : first.entrySet()) {
            insert.setParameter(++p, row.id).setParameter(++p, rule.getValue()).setParameter(++p, rule.getKey())
                    .setParameter(++p, row.evaluatedAt);
        }
        insert.executeUpdate();
    }

    /** The decision with its input as received, the person's data included unless it was erased. */
    @Transactional
    public Optional<DecisionView> find(UUID id) {
        return RecordedDecision.<RecordedDecision>findByIdOptional(id.toString())
                .map(row -> view(row, personal(row.id).map(p -> p.restore(recordedInput(row))).orElse(recordedInput(row))));
    }

    /** The decision with the input the rules need and nothing that identifies the person: what replay evaluates. */
    @Transactional
    public Optional<DecisionView> findRecorded(UUID id) {
        return RecordedDecision.<RecordedDecision>findByIdOptional(id.toString()).map(row -> view(row, recordedInput(row)));
    }

    /** The decision first recorded under an idempotency key, with the hash of the request that made it. */
    @Transactional
    public Optional<Keyed> findByIdempotencyKey(String key) {
        return RecordedDecision.<RecordedDecision>find("idempotencyKey", key).firstResultOptional()
                .map(row -> new Keyed(row.requestHash, view(row, null)));
    }

    /**
     * A decision found by idempotency key and the hash of the request body that produced it (null once the
     * person's data was erased: the hash was taken over it).
     */
    public record Keyed(String requestHash, DecisionView decision) {
    }

    Optional<PersonalData> personal(String decisionId) {
        List<?> found = RecordedDecision.getEntityManager()
                .createNativeQuery("select personal_json from decision_personal_data where decision_id = ?1")
                .setParameter(1, decisionId).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(read((String) found.get(0), PersonalData.class, decisionId));
    }

    private QualifyRequest recordedInput(RecordedDecision row) {
        return read(row.inputJson, QualifyRequest.class, row.id);
    }

    private DecisionView view(RecordedDecision row, QualifyRequest input) {
        return read(row.outputJson, DecisionView.class, row.id).withInput(input);
    }

    private <T> T read(String text, Class<T> type, String decisionId) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + decisionId + " is stored in a form this version cannot read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a decision", e);
        }
    }
}
