package io.leadqualifier.audit.trail;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.FiredRule;

/**
 * A decision ready to be appended to the trail: every column but its place in the chain, prepared
 * (serialised, compressed, digested) on the request's thread so that the one writer only links and inserts.
 *
 * @param ruleNames the rules that fired, each once, in the order they first fired
 * @param decision  the decision as answered, for {@link TrailListener}s
 * @param input     the input the rules saw (without what identifies the person), for {@link TrailListener}s
 */
public record PendingDecision(String id, String leadId, Instant asOf, Instant evaluatedAt, String stage, String temperature,
        String route, int scoreFit, int scoreEngagement, int scoreTotal, String policyVersion, String idempotencyKey,
        String requestHash, byte[] body, String salt, String personalJson, String personalDigest, List<String> ruleNames,
        DecisionView decision, QualifyRequest input) {

    /**
     * @param compact the mapper that writes the body and the person's data (nulls left out)
     */
    public static PendingDecision of(DecisionView decision, PersonalData.Split split, String idempotencyKey, String requestHash,
            ObjectMapper compact, SecureRandom random) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String personalJson;
        try {
            personalJson = compact.writeValueAsString(split.personal());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a decision", e);
        }
        return new PendingDecision(decision.decisionId().toString(), decision.leadId(), decision.asOf(), decision.evaluatedAt(),
                decision.stage().name(), decision.temperature().name(), decision.route().name(), decision.score().fit(),
                decision.score().engagement(), decision.score().total(), decision.policy().version(), idempotencyKey, requestHash,
                DecisionBody.of(decision, split.recordable()).encode(compact), salt, personalJson,
                ChainLink.personalDigest(salt, personalJson), ruleNames(decision.firedRules()), decision, split.recordable());
    }

    /** The rules that fired, each once, in the order they first fired: what the rule index holds of a decision. */
    static List<String> ruleNames(List<FiredRule> fired) {
        Set<String> names = new LinkedHashSet<>();
        for (FiredRule rule : fired) {
            names.add(rule.name());
        }
        return List.copyOf(names);
    }

    ChainLink.Row chainRow(long sequence) {
        return new ChainLink.Row(sequence, id, leadId, asOf, evaluatedAt, stage, temperature, route, scoreFit, scoreEngagement,
                scoreTotal, policyVersion, null, null, null, body, personalDigest);
    }
}
