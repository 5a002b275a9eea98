package io.leadqualifier.audit.trail;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;

/**
 * Writes decisions to the trail and reads them back. Append-only: there is no update or delete path, and
 * each row is chained to the one before ({@link ChainLink}) by the group writer ({@link DecisionWriter}).
 * The person's data goes to a table of its own.
 */
@ApplicationScoped
public class DecisionLog {
    private final ObjectMapper json;
    /** The same mapper leaving out nulls: bodies are smaller, and read back the same. */
    private final ObjectMapper compact;
    private final DecisionWriter writer;
    private final SecureRandom random = new SecureRandom();

    DecisionLog(ObjectMapper json, DecisionWriter writer) {
        this.json = json;
        this.compact = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.writer = writer;
    }

    /** Tells the group writer a decision is being made (see {@link DecisionWriter#expect()}). */
    public DecisionWriter.Expected expect() {
        return writer.expect();
    }

    /**
     * Records the decision announced by {@code expected} (closed once the decision is handed to the writer) and
     * returns once it is durable: no verdict leaves without its record. With an idempotency key already
     * recorded, nothing is written and the answer says whether it was the same request.
     */
    public TrailAppender.Written record(DecisionView decision, PersonalData.Split split, String idempotencyKey, String requestHash,
            DecisionWriter.Expected expected) {
        PendingDecision pending = PendingDecision.of(decision, split, idempotencyKey, requestHash, compact, random);
        try {
            var answer = writer.submit(pending);
            expected.close();
            // The writer answers within its transaction timeout; past this, something is wrong with the store.
            return answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while the decision was being recorded", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PersistenceException("The decision store did not answer in time; the decision may still be recorded", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PersistenceException p ? p
                    : new PersistenceException("The decision could not be recorded", e.getCause());
        }
    }

    /** The decision with its input as received, the person's data included unless it was erased. */
    @Transactional
    public Optional<DecisionView> find(UUID id) {
        return RecordedDecision.<RecordedDecision>findByIdOptional(id.toString())
                .map(row -> {
                    Stored stored = stored(row);
                    return stored.view().withInput(personal(row.id).map(p -> p.restore(stored.input())).orElse(stored.input()));
                });
    }

    /** The decision with the input the rules need and nothing that identifies the person: what replay evaluates. */
    @Transactional
    public Optional<DecisionView> findRecorded(UUID id) {
        return RecordedDecision.<RecordedDecision>findByIdOptional(id.toString()).map(row -> {
            Stored stored = stored(row);
            return stored.view().withInput(stored.input());
        });
    }

    /** The decision first recorded under an idempotency key, with the hash of the request that made it. */
    @Transactional
    public Optional<Keyed> findByIdempotencyKey(String key) {
        return RecordedDecision.<RecordedDecision>find("idempotencyKey", key).firstResultOptional()
                .map(row -> new Keyed(row.requestHash, stored(row).view()));
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

    /** A row read back once: the decision as answered (without input) and the input the rules saw. */
    private record Stored(DecisionView view, QualifyRequest input) {
    }

    private Stored stored(RecordedDecision row) {
        if (row.body == null) {
            return new Stored(read(row.outputJson, DecisionView.class, row.id), read(row.inputJson, QualifyRequest.class, row.id));
        }
        DecisionBody body = DecisionBody.decode(row.body, json, row.id);
        return new Stored(body.view(UUID.fromString(row.id), row.leadId, row.asOf, row.evaluatedAt, row.stage, row.temperature,
                row.route, new DecisionView.Score(row.scoreFit, row.scoreEngagement, row.scoreTotal), row.policyVersion),
                body.input(row.leadId, row.asOf));
    }

    private <T> T read(String text, Class<T> type, String decisionId) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + decisionId + " is stored in a form this version cannot read", e);
        }
    }
}
