package io.leadqualifier.broker;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.system.Problem;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * Puts a message that can never be qualified into the dead-letter queue, as it came (body, content type, message id)
 * with its problem attached: the {@code problem} header holds the problem+json, {@code problem-type} and
 * {@code problem-status} its type and status. The broker's own dead-lettering (a reject) cannot add a header, so the
 * message is published to the dead-letter exchange instead, and the original acknowledged once the broker confirms it.
 */
@ApplicationScoped
public class DeadLetters {
    /** Looked up once the broker is on (the channel is not wired while it is off), then kept. */
    private final Instance<MutinyEmitter<byte[]>> deadLetters;
    private volatile MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;

    DeadLetters(@Channel("qualify-dead-letters") Instance<MutinyEmitter<byte[]>> deadLetters, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** Completes once the broker has confirmed the dead letter. */
    public Uni<Void> send(byte[] body, String messageId, String contentType, Map<String, Object> headers, Problem problem) {
        Map<String, Object> attached = new LinkedHashMap<>(headers);
        attached.put("problem", problemJson(problem));
        attached.put("problem-type", problem.type());
        attached.put("problem-status", problem.status());
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder().withHeaders(attached).withDeliveryMode(2)
                .withContentType(contentType == null ? "application/json" : contentType);
        if (messageId != null) {
            metadata.withMessageId(messageId);
        }
        return emitter().sendMessage(Message.of(body, Metadata.of(metadata.build())));
    }

    private MutinyEmitter<byte[]> emitter() {
        if (emitter == null) {
            emitter = deadLetters.get();
        }
        return emitter;
    }

    private String problemJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem", e);
        }
    }
}
