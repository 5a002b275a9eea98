package io.leadqualifier.leadfile;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemMappers;

/**
 * A JSON object → a {@link LeadLine}: read as {@code POST /api/v1/qualify} reads its body (the same object mapper),
 * checked with the same Bean Validation rules, so a line is refused exactly when the single request would be.
 */
final class LeadRequests {
    /** The same rule as the {@code Idempotency-Key} header of a single qualify. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    static final String KEY_FIELD = "idempotencyKey";

    private final ObjectMapper json;
    private final Validator validator;

    LeadRequests(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param key      the idempotency key; for NDJSON and arrays, null: it is then the object's {@code idempotencyKey}
     * @param explain  adds to a field error's message where the field came from (a CSV column), or leaves it
     */
    LeadLine read(long line, JsonNode tree, String key, Boolean converted, UnaryOperator<Problem.FieldError> explain) {
        if (!(tree instanceof ObjectNode object)) {
            return refused(line, "(body)", "must be a JSON object");
        }
        if (key == null && object.has(KEY_FIELD)) {
            JsonNode given = object.remove(KEY_FIELD);
            if (!given.isTextual() || !KEY.matcher(given.asText()).matches()) {
                return refused(line, KEY_FIELD, "must be 1 to 255 visible ASCII characters");
            }
            key = given.asText();
        }
        QualifyRequest request;
        try {
            request = json.treeToValue(object, QualifyRequest.class);
        } catch (JsonMappingException e) {
            return new LeadLine.Refused(line, explained(ProblemMappers.unreadableField(e), explain));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return refused(line, "(body)", "cannot be read");
        }
        return validated(line, request, key, converted, explain);
    }

    /**
     * One JSON object without an idempotency key, read straight into the request (as {@code POST /api/v1/qualify}
     * reads its body), without the tree {@link #read} goes through; null when it cannot be bound, so that the tree
     * reading names the problem as it always has (a line cut short is malformed JSON there, not a field error).
     */
    LeadLine readObject(long line, byte[] object) {
        QualifyRequest request;
        try {
            request = json.readValue(object, QualifyRequest.class);
        } catch (IOException e) {
            return null;
        }
        return validated(line, request, null, null, UnaryOperator.identity());
    }

    private LeadLine validated(long line, QualifyRequest request, String key, Boolean converted,
            UnaryOperator<Problem.FieldError> explain) {
        if (request == null) {
            return refused(line, "(body)", "must be a JSON object");
        }
        Set<ConstraintViolation<QualifyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new LeadLine.Refused(line, explained(ProblemMappers.invalidFields(violations), explain));
        }
        return new LeadLine.Lead(line, request, key, converted);
    }

    static LeadLine.Refused refused(long line, String field, String message) {
        return new LeadLine.Refused(line, Problem.of("validation", "Invalid request", 400, "1 field is invalid")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    private static Problem explained(Problem problem, UnaryOperator<Problem.FieldError> explain) {
        return problem.errors() == null ? problem : problem.withErrors(problem.errors().stream().map(explain).toList());
    }
}
