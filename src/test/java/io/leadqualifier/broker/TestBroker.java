package io.leadqualifier.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.GetResponse;

/**
 * A CRM's side of the broker, with the plain RabbitMQ client: publishes qualify messages, listens to everything the
 * events exchange publishes (a queue of its own bound with {@code #}), reads the dead-letter queue, and deletes the
 * run's exchanges and dead-letter queue when closed (its qualify queue goes with the service's consumer).
 */
final class TestBroker implements AutoCloseable {
    /** A message as a consumer sees it. */
    record Received(String routingKey, String messageId, Map<String, Object> headers, String body) {
    }

    private final String prefix;
    private final Connection connection;
    private final Channel channel;
    private final List<Received> events = new CopyOnWriteArrayList<>();

    TestBroker(String prefix) throws IOException, TimeoutException {
        this.prefix = prefix;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RequiresBroker.HOST);
        factory.setPort(RequiresBroker.PORT);
        this.connection = factory.newConnection("lead-qualifier-test");
        this.channel = connection.createChannel();
        awaitDeclared(prefix + ".qualify");
        channel.exchangeDeclare(prefix + ".events", "topic", true);
        String listener = channel.queueDeclare().getQueue();
        channel.queueBind(listener, prefix + ".events", "#");
        DeliverCallback collect = (tag, delivery) -> events.add(new Received(delivery.getEnvelope().getRoutingKey(),
                delivery.getProperties().getMessageId(), delivery.getProperties().getHeaders(),
                new String(delivery.getBody(), StandardCharsets.UTF_8)));
        channel.basicConsume(listener, true, collect, tag -> { });
    }

    /** The service declares its queue as its consumer starts: a message sent before would find no binding. */
    private void awaitDeclared(String queue) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Channel probe = connection.createChannel()) {
                return probe.queueDeclarePassive(queue) != null;
            }
        });
    }

    /** Publishes a qualify request as a CRM does: to the requests exchange, persistent, with its message id. */
    void publish(String messageId, String body) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(messageId).contentType("application/json")
                .deliveryMode(2).build();
        channel.basicPublish(prefix + ".requests", "qualify.crm", properties, body.getBytes(StandardCharsets.UTF_8));
    }

    List<Received> events() {
        return List.copyOf(events);
    }

    /** Takes the dead letters waiting (acknowledging them). */
    List<Received> takeDeadLetters() throws IOException {
        List<Received> taken = new java.util.ArrayList<>();
        GetResponse response;
        while ((response = channel.basicGet(prefix + ".qualify.dlq", true)) != null) {
            taken.add(new Received(response.getEnvelope().getRoutingKey(), response.getProps().getMessageId(),
                    response.getProps().getHeaders(), new String(response.getBody(), StandardCharsets.UTF_8)));
        }
        return taken;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        channel.queueDelete(prefix + ".qualify.dlq");
        for (String exchange : new String[] {prefix + ".requests", prefix + ".events", prefix + ".dead-letters"}) {
            channel.exchangeDelete(exchange);
        }
        connection.close();
    }
}
