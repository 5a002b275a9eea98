package io.leadqualifier.broker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.system.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * The relay from {@code broker_message} to the events exchange: takes the oldest rows (locked, so that two instances
 * never publish the same row at once), publishes them, waits for the broker's confirms, and only then deletes them,
 * in the same transaction. Nothing is published that was not committed, and nothing committed is lost: a crash
 * between the confirm and the delete publishes those rows again, with the same message-id, for consumers to drop.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Duration CONFIRMS = Duration.ofSeconds(30);

    private final BrokerConfig config;
    private final AgroalDataSource dataSource;
    /** Looked up once the broker is on (the channel is not wired while it is off), then kept. */
    private final Instance<MutinyEmitter<String>> exchange;
    private volatile MutinyEmitter<String> emitter;

    EventPublisher(BrokerConfig config, AgroalDataSource dataSource, @Channel("lead-events") Instance<MutinyEmitter<String>> exchange) {
        this.config = config;
        this.dataSource = dataSource;
        this.exchange = exchange;
    }

    private record Row(long id, String messageId, String routingKey, String leadId, String body) {
    }

    @Scheduled(every = "${lead-qualifier.broker.publish-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishCommitted() {
        if (!config.enabled()) {
            return;
        }
        try {
            while (publishBatch() == config.publishBatch()) {
                // a full batch: more is waiting, go on at once
            }
        } catch (RuntimeException e) {
            Log.warnf("Publishing to the events exchange failed, retried at the next pass: %s", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    int publishBatch() {
        return Jdbc.transaction(dataSource, null, connection -> {
            List<Row> rows = oldest(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            MutinyEmitter<String> emitter = emitter();
            List<Uni<Void>> confirms = new ArrayList<>(rows.size());
            for (Row row : rows) {
                confirms.add(emitter.sendMessage(message(row)));
            }
            Uni.join().all(confirms).andFailFast().await().atMost(CONFIRMS);
            delete(connection, rows);
            return rows.size();
        });
    }

    private MutinyEmitter<String> emitter() {
        if (emitter == null) {
            emitter = exchange.get();
        }
        return emitter;
    }

    private List<Row> oldest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, message_id, routing_key, lead_id, body from broker_message"
                + " order by id fetch first " + config.publishBatch() + " rows only for update skip locked")) {
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
                }
            }
            return rows;
        }
    }

    private static void delete(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from broker_message where id = ?")) {
            for (Row row : rows) {
                delete.setLong(1, row.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static Message<String> message(Row row) {
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder().withRoutingKey(row.routingKey())
                .withMessageId(row.messageId()).withType(row.routingKey()).withContentType("application/json")
                .withDeliveryMode(2);
        if (row.leadId() != null) {
            metadata.withHeader("lead-id", row.leadId());
        }
        return Message.of(row.body(), Metadata.of(metadata.build()));
    }
}
