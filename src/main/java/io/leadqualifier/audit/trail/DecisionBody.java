package io.leadqualifier.audit.trail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * What a decision row keeps beside its columns: the checklist, SLA, reasons, fired rules, when the policy
 * started serving and the input the rules saw. Nothing the columns hold is repeated (ids, times, stage,
 * scores, version). Stored as JSON deflated against a preset dictionary of the words decisions are made
 * of, which takes a ~4 KB decision to 300–400 bytes. The first byte names the encoding, so a later
 * dictionary can be added without touching rows written with this one.
 */
public record DecisionBody(
        @JsonInclude(JsonInclude.Include.NON_NULL) QualifyRequest input,
        DecisionView.Checklist checklist,
        Sla sla,
        List<Reason> reasons,
        List<FiredRule> firedRules,
        Instant policyActivatedAt) {

    /** JSON deflated with dictionary 1. Never change what it means: rows written with it must read back. */
    static final byte FORMAT_1 = 1;
    private static final byte[] DICTIONARY_1 = dictionary("body-dictionary-1.json");
    /**
     * Level 3: as small as the default level within 3 % on our decisions, in two thirds of the time. Deflaters are
     * pooled: creating one costs more than compressing a decision, and each holds ~256 KB of native memory.
     */
    private static final int LEVEL = 3;
    private static final java.util.concurrent.BlockingQueue<Deflater> DEFLATERS = new java.util.concurrent.ArrayBlockingQueue<>(32);

    /** The body of a decision: its input without the lead id and asOf, which are columns. */
    static DecisionBody of(DecisionView decision, QualifyRequest recordedInput) {
        QualifyRequest input = new QualifyRequest(null, null, recordedInput.contact(), recordedInput.company(), recordedInput.source(),
                recordedInput.consent(), recordedInput.activities(), recordedInput.bant(), recordedInput.sales(), recordedInput.history());
        return new DecisionBody(input, decision.checklist(), decision.sla(), decision.reasons(), decision.firedRules(),
                decision.policy().activatedAt());
    }

    /** The recorded input, with the lead id and asOf its row holds. */
    public QualifyRequest input(String leadId, Instant asOf) {
        return new QualifyRequest(leadId, asOf, input.contact(), input.company(), input.source(), input.consent(),
                input.activities(), input.bant(), input.sales(), input.history());
    }

    /** The decision as answered, rebuilt from its row's columns and this body. */
    DecisionView view(UUID id, String leadId, Instant asOf, Instant evaluatedAt, String stage, String temperature, String route,
            DecisionView.Score score, String policyVersion) {
        return new DecisionView(id, leadId, asOf, evaluatedAt, Stage.valueOf(stage), Temperature.valueOf(temperature),
                Route.valueOf(route), score, checklist, sla, reasons, firedRules, new DecisionView.Policy(policyVersion, policyActivatedAt),
                null);
    }

    byte[] encode(ObjectMapper json) {
        byte[] plain;
        try {
            plain = json.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a decision", e);
        }
        Deflater deflater = DEFLATERS.poll();
        deflater = deflater != null ? deflater : new Deflater(LEVEL, true);
        try {
            deflater.setDictionary(DICTIONARY_1);
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 16);
            out.write(FORMAT_1);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    public static DecisionBody decode(byte[] stored, ObjectMapper json, String decisionId) {
        if (stored.length == 0 || stored[0] != FORMAT_1) {
            throw new IllegalStateException("Decision " + decisionId + " is stored in a form this version cannot read");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY_1);
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("Decision " + decisionId + " has a truncated body");
                }
                out.write(buffer, 0, n);
            }
            return json.readValue(out.toByteArray(), DecisionBody.class);
        } catch (DataFormatException | IOException e) {
            throw new IllegalStateException("Decision " + decisionId + " has a body this version cannot read", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] dictionary(String name) {
        try (InputStream in = DecisionBody.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
