package io.leadqualifier.broker;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.system.BodyProblems;
import io.leadqualifier.system.Problem;

/**
 * A qualify message read as {@code POST /api/v1/qualify} reads its body: the same JSON, the same Bean Validation, the
 * same problems; the message id stands for the {@code Idempotency-Key} header and obeys its rule.
 */
@ApplicationScoped
public class QualifyMessage {
    private static final String KEY_RULE = "[\\x21-\\x7E]{1,255}";

    private final ObjectMapper json;
    private final Validator validator;

    QualifyMessage(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** A message that can be qualified: its request and its idempotency key. */
    public record Read(QualifyRequest request, String key) {
    }

    /** A message that can never be qualified, whatever the retries: it goes to the dead-letter queue with its problem. */
    public static class Undeliverable extends RuntimeException {
        private final transient Problem problem;

        Undeliverable(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * @param messageId the AMQP {@code message-id} property, or the {@code Idempotency-Key} header when there is none
     */
    public Read read(byte[] body, String messageId) {
        if (messageId == null || !messageId.matches(KEY_RULE)) {
            throw new Undeliverable(BodyProblems.invalid(List.of(new Problem.FieldError("message-id",
                    messageId == null ? "is required: it makes a redelivered message give the same decision, recorded once"
                            : "must be 1 to 255 visible ASCII characters"))));
        }
        QualifyRequest request;
        try {
            request = json.readValue(body, QualifyRequest.class);
        } catch (JsonProcessingException e) {
            throw new Undeliverable(BodyProblems.unreadable(e));
        } catch (IOException e) {
            throw new Undeliverable(Problem.of("malformed-json", "Malformed JSON", 400, "The body cannot be read: " + e.getMessage()));
        }
        if (request == null) {
            throw new Undeliverable(Problem.of("malformed-json", "Malformed JSON", 400, "A JSON body is required"));
        }
        Set<ConstraintViolation<QualifyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new Undeliverable(BodyProblems.invalid(violations));
        }
        return new Read(request, messageId);
    }
}
