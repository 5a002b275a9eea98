package io.leadqualifier.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CRM clients qualifying leads through one address until stopped, the way a careful integrator does: every
 * request carries an {@code Idempotency-Key}, and a request that fails (no answer, or a 5xx) is sent once more
 * with the same key. What they saw: the decisions answered 200, the requests still failing after the retry,
 * and the 503 problems answered along the way.
 */
final class QualifyingClients implements AutoCloseable {
    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Instant AS_OF = Instant.parse("2026-11-22T10:00:00Z");
    private static final String[] SENIORITIES = {"C_LEVEL", "VP", "DIRECTOR", "MANAGER", "INDIVIDUAL"};
    private static final String[] ACTIVITIES = {"CONTENT_DOWNLOAD", "WEBINAR_ATTENDED", "DEMO_REQUEST", "PRICING_PAGE_VISIT"};

    final Set<String> answered = ConcurrentHashMap.newKeySet();
    final Queue<String> failed = new ConcurrentLinkedQueue<>();
    final AtomicInteger failedCount = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicLong lastAnswerNanos = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService threads;
    private final URI qualify;
    private final String authorization;
    private final String prefix;

    QualifyingClients(URI qualify, String authorization, String prefix, int clients) {
        this.qualify = qualify;
        this.authorization = authorization;
        this.prefix = prefix;
        this.threads = Executors.newFixedThreadPool(clients);
        for (int client = 1; client <= clients; client++) {
            int id = client;
            threads.execute(() -> run(id));
        }
    }

    private void run(int client) {
        for (int n = 1; !stopped.get(); n++) {
            String leadId = prefix + "-" + client + "-" + n;
            String outcome = send(leadId, n);
            if (outcome != null) {
                retried.incrementAndGet();
                String again = send(leadId, n);
                if (again != null && failedCount.incrementAndGet() <= 10) {
                    failed.add(Instant.now() + " " + leadId + ": " + outcome + ", retried: " + again);
                }
            }
        }
    }

    /** Null when answered 200, else what went wrong. */
    private String send(String leadId, int n) {
        HttpRequest request = HttpRequest.newBuilder(qualify).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", leadId).POST(HttpRequest.BodyPublishers.ofString(lead(leadId, n))).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                Matcher id = DECISION_ID.matcher(answer.body());
                if (!id.find()) {
                    return "200 without a decisionId: " + answer.body();
                }
                answered.add(id.group(1));
                lastAnswerNanos.set(System.nanoTime());
                return null;
            }
            if (answer.statusCode() == 503) {
                unavailable.incrementAndGet();
            }
            return answer.statusCode() + " " + answer.body().substring(0, Math.min(200, answer.body().length()));
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
            return "interrupted";
        }
    }

    List<String> failures() {
        return List.copyOf(failed);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    private static String lead(String leadId, int n) {
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < n % 4; i++) {
            activities.append(i == 0 ? "" : ", ").append(String.format("{ \"type\": \"%s\", \"at\": \"%s\" }",
                    ACTIVITIES[(n + i) % ACTIVITIES.length], AS_OF.minus(1 + 3L * i, ChronoUnit.DAYS)));
        }
        return String.format("""
                { "leadId": "%s", "asOf": "%s",
                  "contact": { "email": "someone@acme.example", "seniority": "%s" },
                  "company": { "industry": "SOFTWARE", "employees": %d, "country": "FR" },
                  "activities": [ %s ] }
                """, leadId, AS_OF, SENIORITIES[n % SENIORITIES.length], 20 + (n * 37) % 3000, activities);
    }
}
