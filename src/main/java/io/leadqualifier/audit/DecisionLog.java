package io.leadqualifier.audit;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.qualification.QualifyRequest;

/** Writes decisions to the trail and reads them back. Append-only: there is no update or delete. */
@ApplicationScoped
public class DecisionLog {
    private final ObjectMapper json;

    DecisionLog(ObjectMapper json) {
        this.json = json;
    }

    /** Commits the decision; returns only once it is stored, so no verdict leaves without its record. */
    @Transactional
    public void record(DecisionView decision, QualifyRequest input, String idempotencyKey, String requestHash) {
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
        row.inputJson = write(input);
        row.outputJson = write(decision.withInput(null));
        row.persistAndFlush();
        for (FiredRule fired : decision.firedRules()) {
            RecordedDecision.getEntityManager().createNativeQuery(
                    "insert into decision_rule (decision_id, sequence, rule_name) values (?1, ?2, ?3)")
                    .setParameter(1, row.id).setParameter(2, fired.sequence()).setParameter(3, fired.name()).executeUpdate();
        }
    }

    /** The decision with its recorded input. */
    @Transactional
    public Optional<DecisionView> find(UUID id) {
        return RecordedDecision.<RecordedDecision>findByIdOptional(id.toString()).map(this::view);
    }

    /** The decision first recorded under an idempotency key, with the hash of the request that made it. */
    @Transactional
    public Optional<Keyed> findByIdempotencyKey(String key) {
        return RecordedDecision.<RecordedDecision>find("idempotencyKey", key).firstResultOptional()
                .map(row -> new Keyed(row.requestHash, view(row)));
    }

    /** A decision found by idempotency key and the hash of the request body that produced it. */
    public record Keyed(String requestHash, DecisionView decision) {
    }

    private DecisionView view(RecordedDecision row) {
        try {
            DecisionView output = json.readValue(row.outputJson, DecisionView.class);
            return output.withInput(json.readValue(row.inputJson, QualifyRequest.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + row.id + " is stored in a form this version cannot read", e);
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
