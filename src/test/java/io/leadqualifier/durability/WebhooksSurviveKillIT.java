package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.security.Roles;
import io.leadqualifier.system.TestDatabase;
import io.leadqualifier.webhook.WebhookReceiver;

/**
 * "Delivered at least once after any restart", checked on the packaged service: with the receiver down, one message
 * has failed its first attempt and another has just been enqueued when the service is killed with SIGKILL (the
 * second may be unsent, or claimed and half sent: whatever the kill caught). The receiver comes up, the service
 * starts again on the same data, and both messages arrive, signed, with the ids the API gave them. Claims are
 * leased for 5 s here (2 min by default), so a message the kill caught in flight is taken over quickly.
 *
 * <p>Runs on {@code ./mvnw verify} like {@link DecisionsSurviveKillIT}: H2 in a fresh working directory, or with
 * {@code -Ppostgresql} a schema of its own ({@value #PG_SCHEMA}, dropped and created first). The service log stays
 * in {@code target/webhooks-survive-kill/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksSurviveKillIT {
    private static final String PG_SCHEMA = "lq_webhooks_it";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String store = TestDatabase.isPostgres() ? "postgresql" : "h2";
    private final Path directory = PackagedService.PROJECT.resolve("target/webhooks-survive-kill/" + store);
    private PackagedService service;

    @BeforeAll
    void startOnAnEmptyStore() throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Path work = Files.createDirectories(directory.resolve("work"));
        Map<String, String> environment = Map.of();
        List<String> options = List.of("-Dlead-qualifier.webhooks.poll=1s", "-Dlead-qualifier.webhooks.lease=5s");
        if (TestDatabase.isPostgres()) {
            String url = TestDatabase.postgresUrl(PG_SCHEMA);
            try (Connection connection = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + PG_SCHEMA + " cascade");
                statement.execute("create schema " + PG_SCHEMA);
            }
            environment = Map.of("POSTGRES_URL", url, "POSTGRES_USER", TestDatabase.postgresUser(),
                    "POSTGRES_PASSWORD", TestDatabase.postgresPassword());
            options = List.of("-Dlead-qualifier.webhooks.poll=1s", "-Dlead-qualifier.webhooks.lease=5s", "-Dquarkus.profile=postgres");
        }
        service = new PackagedService(work, directory.resolve("service.log"), environment, options);
        service.start();
    }

    @AfterAll
    void stopTheService() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void messagesEnqueuedBeforeAKillAreDeliveredAfterTheRestartOnceTheReceiverIsUp() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down(Clock.systemUTC())) {
            JsonNode subscribed = call("POST", "/api/v1/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"lead.stage_changed\"]}", 201);
            String id = subscribed.path("id").asText();
            receiver.trust(subscribed.path("secret").asText());

            String refusedFirst = call("POST", "/api/v1/webhooks/" + id + "/test", null, 202).path("messageId").asText();
            await("the first attempt, refused by the receiver that is down").atMost(Duration.ofSeconds(60))
                    .until(() -> deliveries(id).path("items").findValues("error").stream().anyMatch(error -> !error.isNull()));
            String caughtByTheKill = call("POST", "/api/v1/webhooks/" + id + "/test", null, 202).path("messageId").asText();
            service.kill();

            receiver.listen();
            service.start();
            await("both messages at the receiver (log: " + service.log() + ")").atMost(Duration.ofSeconds(90))
                    .until(() -> receiver.received().stream().map(WebhookReceiver.Received::id).distinct().count() == 2);

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).contains(refusedFirst, caughtByTheKill);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::verified);
            await("both recorded as delivered").atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode items = deliveries(id).path("items");
                return items.size() == 2 && items.findValuesAsText("status").stream().allMatch("DELIVERED"::equals);
            });
            JsonNode first = deliveries(id).path("items").get(1);
            assertThat(first.path("messageId").asText()).isEqualTo(refusedFirst);
            assertThat(first.path("attempts").get(0).path("httpStatus").isNull()).isTrue();
            assertThat(first.path("attempts").get(first.path("attempts").size() - 1).path("httpStatus").asInt()).isEqualTo(200);
        }
    }

    private JsonNode deliveries(String id) throws Exception {
        return call("GET", "/api/v1/webhooks/" + id + "/deliveries", null, 200);
    }

    private JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.uri(path).toString())).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.basicAuthorization(Roles.ADMIN))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
        return json.readTree(answer.body());
    }
}
