package io.leadqualifier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.leadqualifier.evaluation.SampleLeads;

/**
 * Broker throughput end to end, against a running service with the broker on (and nothing else qualifying): publishes
 * {@code messages} qualify requests (the sample leads, each message a lead of its own) to {@code <prefix>.requests} on
 * the RabbitMQ at 127.0.0.1:5672, and measures from the first publish until the trail holds every decision (the
 * {@code total} of {@code GET /api/v1/decisions}, as auditor, grew by {@code messages}), and until every decision was
 * published on {@code <prefix>.events}. Loopback only.
 * <p>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.leadqualifier.bench.BrokerLoad
 * -Dbench.args="http://127.0.0.1:8080 5000 lead-qualifier"}
 */
public final class BrokerLoad {
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern LEAD_ID = Pattern.compile("^\\{\"leadId\":\"[^\"]*\"");

    private BrokerLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        String prefix = args.length > 2 ? args[2] : "lead-qualifier";
        String host = URI.create(base).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("Load is only sent to loopback addresses, not " + host);
        }
        String[] bodies = Arrays.stream(SampleLeads.generate(1000, 42)).map(QualifyLoad::json).toArray(String[]::new);
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newHttpClient();
        String auditor = authorization();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection("lead-qualifier-bench"); Channel channel = connection.createChannel()) {
            AtomicLong published = new AtomicLong();
            AtomicLong lastPublishedNanos = new AtomicLong();
            // The service declares it when it first publishes; as any consumer that binds before, declare it alike.
            channel.exchangeDeclare(prefix + ".events", "topic", true);
            String listener = channel.queueDeclare().getQueue();
            channel.queueBind(listener, prefix + ".events", "decision.#");
            channel.basicConsume(listener, true, (tag, delivery) -> {
                if (new String(delivery.getBody(), StandardCharsets.UTF_8).contains("\"bench-" + run + "-")) {
                    published.incrementAndGet();
                    lastPublishedNanos.set(System.nanoTime());
                }
            }, tag -> { });
            long before = recorded(http, base, auditor);
            channel.confirmSelect();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                Matcher leadId = LEAD_ID.matcher(bodies[i % bodies.length]);
                String body = leadId.replaceFirst("{\"leadId\":\"bench-" + run + "-" + i + "\"");
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("bench-" + run + "-" + i)
                        .contentType("application/json").deliveryMode(2).build();
                channel.basicPublish(prefix + ".requests", "qualify.bench", properties, body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(600_000);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            long recorded;
            do {
                Thread.sleep(100);
                recorded = recorded(http, base, auditor) - before;
            } while (recorded < messages && System.nanoTime() - start < 600e9);
            double recordSeconds = (System.nanoTime() - start) / 1e9;
            while (published.get() < messages && System.nanoTime() - start < 600e9) {
                Thread.sleep(100);
            }
            double publishedSeconds = (lastPublishedNanos.get() - start) / 1e9;
            System.out.printf("messages %d: published to the broker (confirmed) in %.1f s; all %d decisions recorded after %.1f s"
                    + " = %.0f messages/s end to end; %d decisions published on %s.events after %.1f s = %.0f/s%n",
                    messages, publishSeconds, recorded, recordSeconds, messages / recordSeconds, published.get(), prefix,
                    publishedSeconds, published.get() / publishedSeconds);
        }
    }

    private static long recorded(HttpClient http, String base, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions?size=1"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        Matcher total = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !total.find()) {
            throw new IllegalStateException("GET /api/v1/decisions answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(total.group(1));
    }

    /** {@code LQ_AUTHORIZATION} as given, or HTTP Basic as auditor from the service's credentials file ({@code LQ_CREDENTIALS}). */
    private static String authorization() throws Exception {
        String given = System.getenv("LQ_AUTHORIZATION");
        if (given != null) {
            return given;
        }
        Path file = Path.of(System.getenv().getOrDefault("LQ_CREDENTIALS", "data/credentials.properties"));
        String secret = Files.readAllLines(file).stream().filter(line -> line.startsWith("auditor=")).findFirst()
                .map(line -> line.substring("auditor=".length())).orElseThrow(() -> new IllegalStateException("No auditor in " + file));
        return "Basic " + Base64.getEncoder().encodeToString(("auditor:" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
