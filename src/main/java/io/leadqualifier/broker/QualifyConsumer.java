package io.leadqualifier.broker;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.leadqualifier.qualification.Qualification;
import io.leadqualifier.qualification.QualificationService;
import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;

/**
 * Qualifies the leads CRMs put on the queue, as competing consumers: each message is qualified exactly as
 * {@code POST /api/v1/qualify} does (its message id as the idempotency key, so a redelivered message gives the same
 * decision, recorded once) on the {@code broker-consumers} worker pool, several at once, so that the group writer
 * gets groups. A message is acknowledged only once its decision is committed (the service returns after the commit),
 * or once its dead letter is confirmed; a store failure gives it back to the queue after a backoff.
 */
@ApplicationScoped
public class QualifyConsumer {
    private final QualifyMessage reader;
    private final QualificationService service;
    private final DeadLetters deadLetters;
    private final StoreBackoff backoff;
    private final MeterRegistry metrics;

    QualifyConsumer(QualifyMessage reader, QualificationService service, DeadLetters deadLetters, StoreBackoff backoff,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.reader = reader;
        this.service = service;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
    }

    @Incoming("qualify-requests")
    @Blocking(value = "broker-consumers", ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingRabbitMQMetadata amqp = message.getMetadata(IncomingRabbitMQMetadata.class).orElse(null);
        String messageId = messageId(amqp);
        try {
            QualifyMessage.Read read = reader.read(message.getPayload(), messageId);
            Qualification qualification = service.qualify(read.request(), read.key());
            backoff.stored();
            count(qualification.replayed() ? "replayed" : "recorded");
            return message.ack();
        } catch (QualifyMessage.Undeliverable e) {
            return deadLetter(message, amqp, messageId, e.problem());
        } catch (PersistenceException e) {
            return retry(message, messageId, e);
        } catch (ProblemException e) {
            if (e.problem().status() == 503) {
                return retry(message, messageId, e);
            }
            if (e.isServerFault()) {
                Log.errorf("Message %s: %s: %s", messageId, e.problem().title(), e.getMessage());
            }
            return deadLetter(message, amqp, messageId, e.problem());
        } catch (RuntimeException e) {
            // As over HTTP: an unexpected failure is logged with an incident the problem names, and not retried blindly.
            String incident = UUID.randomUUID().toString();
            Log.errorf(e, "Unexpected error on message %s (incident %s)", messageId, incident);
            return deadLetter(message, amqp, messageId, Problem.of("internal", "Internal error", 500,
                    "An unexpected error occurred (incident " + incident + ")"));
        }
    }

    private CompletionStage<Void> retry(Message<byte[]> message, String messageId, RuntimeException cause) {
        count("retried");
        Duration wait = backoff.failed();
        Log.warnf("Message %s not recorded (%s): back to the queue in %d ms", messageId, cause.getMessage(), wait.toMillis());
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribeAsCompletionStage()
                .thenCompose(nothing -> message.nack(cause, Metadata.of(new RabbitMQRejectMetadata(true))));
    }

    private CompletionStage<Void> deadLetter(Message<byte[]> message, IncomingRabbitMQMetadata amqp, String messageId, Problem problem) {
        count("dead_lettered");
        Log.infof("Message %s dead-lettered: %s", messageId, problem.detail());
        String contentType = amqp == null ? null : amqp.getContentType().orElse(null);
        Map<String, Object> headers = amqp == null ? Map.of() : amqp.getHeaders();
        return deadLetters.send(message.getPayload(), messageId, contentType, headers, problem).subscribeAsCompletionStage()
                .thenCompose(confirmed -> message.ack())
                .exceptionallyCompose(unconfirmed -> message.nack(unconfirmed, Metadata.of(new RabbitMQRejectMetadata(true))));
    }

    /** {@code leadqualifier_broker_messages_total{outcome}}: recorded, replayed (a redelivery), dead_lettered, retried. */
    private void count(String outcome) {
        metrics.counter("leadqualifier.broker.messages", "outcome", outcome).increment();
    }

    private static String messageId(IncomingRabbitMQMetadata amqp) {
        if (amqp == null) {
            return null;
        }
        return amqp.getMessageId().filter(id -> !id.isEmpty())
                .or(() -> amqp.getHeader("Idempotency-Key", Object.class).map(Object::toString))
                .orElse(null);
    }
}
