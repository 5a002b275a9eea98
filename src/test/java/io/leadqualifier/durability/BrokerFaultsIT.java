package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import io.leadqualifier.broker.RequiresBroker;
import io.leadqualifier.system.TestDatabase;

/**
 * The broker's fault of README "Running several instances": two packaged instances on one PostgreSQL consume one
 * RabbitMQ queue as competing consumers; one is killed (SIGKILL) while it holds messages it has not acknowledged.
 * RabbitMQ gives them to the other, which records each one's decision unless it already is (the message id is the
 * idempotency key): every message's decision is recorded exactly once, none is dead-lettered, the chain verifies.
 *
 * <p>Runs in the PostgreSQL suite ({@code ./mvnw verify -Ppostgresql}, which {@code .ci/run} runs) when a RabbitMQ
 * answers on 127.0.0.1:5672; skipped otherwise, with the reason.
 */
@RequiresBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerFaultsIT {
    private static final String SCHEMA = "lq_broker_it";
    private static final int MESSAGES = 2_000;

    private final String prefix = "lq-broker-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path directory = PackagedService.PROJECT.resolve("target/broker-faults");
    private final List<PackagedService> instances = new ArrayList<>();
    private com.rabbitmq.client.Connection broker;
    private Connection database;
    private Channel channel;

    @BeforeAll
    void startTwoConsumingInstances() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "Competing consumers share one PostgreSQL: this runs in the PostgreSQL suite"
                + " (./mvnw verify -Ppostgresql)");
        Files.createDirectories(directory);
        String url = TestDatabase.postgresUrl(SCHEMA);
        database = DriverManager.getConnection(url, TestDatabase.postgresUser(),
                TestDatabase.postgresPassword());
        try (Statement statement = database.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
        Map<String, String> environment = Map.of("POSTGRES_URL", url, "POSTGRES_USER", TestDatabase.postgresUser(),
                "POSTGRES_PASSWORD", TestDatabase.postgresPassword(), "LEAD_QUALIFIER_BROKER", "true",
                "LEAD_QUALIFIER_CREDENTIALS_FILE", directory.resolve("credentials.properties").toString());
        for (int i = 1; i <= 2; i++) {
            Path work = Files.createDirectories(directory.resolve("instance-" + i));
            instances.add(new PackagedService(work, directory.resolve("instance-" + i + ".log"), environment,
                    List.of("-Dquarkus.profile=postgres", "-Dlead-qualifier.broker.name-prefix=" + prefix)));
        }
        // The first creates the schema and the credentials the second reads.
        instances.get(0).start();
        instances.get(1).start();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RequiresBroker.HOST);
        factory.setPort(RequiresBroker.PORT);
        broker = factory.newConnection("lead-qualifier-broker-faults");
        channel = broker.createChannel();
        channel.confirmSelect();
        // Each instance declares the queue as its consumer starts: a message sent before would find no binding.
        await("the qualify queue declared").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> waiting(prefix + ".qualify") >= 0);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (PackagedService instance : instances) {
            instance.stop();
        }
        if (broker != null) {
            try (Channel cleanup = broker.createChannel()) {
                for (String queue : List.of(prefix + ".qualify", prefix + ".qualify.dlq")) {
                    cleanup.queueDelete(queue);
                }
                for (String exchange : List.of(prefix + ".requests", prefix + ".events", prefix + ".dead-letters")) {
                    cleanup.exchangeDelete(exchange);
                }
            }
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aConsumerKilledWhileConsumingLosesNoMessageAndRecordsNoneTwice() throws Exception {
        long publishedAt = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            publish("msg-" + i, lead("bk-" + i));
        }
        channel.waitForConfirmsOrDie(60_000);

        await("some decisions recorded before the kill").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> decisions() >= MESSAGES / 5);
        long before = decisions();
        instances.get(1).kill();
        long killedAt = System.nanoTime();

        await("every message decided by the instance left").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100))
                .until(() -> decisions() >= MESSAGES && waiting(prefix + ".qualify") == 0);
        System.out.printf("[BrokerFaultsIT] %d messages: %d decided when one of two instances was killed, the rest %.1f s later;"
                + " %.0f messages/s end to end%n", MESSAGES, before, (System.nanoTime() - killedAt) / 1e9,
                MESSAGES / ((System.nanoTime() - publishedAt) / 1e9));

        // Messages the survivor still holds unacknowledged are not in the queue's count: the total must also stay put.
        await("no decision recorded twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> decisions() == MESSAGES);
        try (Statement statement = database.createStatement();
                ResultSet counts = statement.executeQuery("select count(*), count(distinct lead_id) from " + SCHEMA + ".decision")) {
            counts.next();
            assertThat(counts.getLong(1)).as("decisions recorded").isEqualTo(MESSAGES);
            assertThat(counts.getLong(2)).as("leads decided (each message is its own lead)").isEqualTo(MESSAGES);
        }
        assertThat(waiting(prefix + ".qualify.dlq")).as("dead letters").isZero();
        instances.get(0).assertChainVerifies();
    }

    private void publish(String messageId, String body) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(messageId).contentType("application/json")
                .deliveryMode(2).build();
        channel.basicPublish(prefix + ".requests", "qualify.crm", properties, body.getBytes(StandardCharsets.UTF_8));
    }

    private long waiting(String queue) throws Exception {
        try (Channel probe = broker.createChannel()) {
            return probe.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private long decisions() throws Exception {
        try (Statement statement = database.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from " + SCHEMA + ".decision")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String lead(String leadId) {
        return """
                {"leadId": "%s", "asOf": "2026-11-22T10:00:00Z",
                 "contact": {"email": "claire.martin@acme.fr", "seniority": "DIRECTOR"},
                 "company": {"industry": "SOFTWARE", "employees": 250, "country": "FR"},
                 "activities": [{"type": "CONTENT_DOWNLOAD", "at": "2026-11-20T09:00:00Z"}]}""".formatted(leadId);
    }
}
