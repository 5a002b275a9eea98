package io.leadqualifier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadqualifier.evaluation.SampleLeads;
import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Lead;

/**
 * HTTP load on a running service, on loopback only: {@code requests} qualify calls over {@code connections}
 * concurrent clients, bounded in count and time. Reports throughput, latency percentiles, failures and the
 * policy versions the decisions name.
 * <p>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.leadqualifier.bench.QualifyLoad
 * -Dbench.args="http://127.0.0.1:8080 10000 16"}
 */
public final class QualifyLoad {
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([0-9a-f]{12})\"");
    /** Ends a running load early (the swap harness stops it once its swaps are done). */
    static final java.util.concurrent.atomic.AtomicBoolean STOP = new java.util.concurrent.atomic.AtomicBoolean();

    private QualifyLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String host = URI.create(base).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("Load is only sent to loopback addresses, not " + host);
        }
        System.out.println(run(base, requests, connections, Duration.ofMinutes(10)));
    }

    /** Result of one load run. */
    public record Report(int sent, int ok, int failed, double seconds, long p50Micros, long p99Micros, long maxMicros,
            Map<String, Integer> versions, Map<Integer, Integer> statuses) {
        @Override
        public String toString() {
            return String.format("requests %d, ok %d, failed %d in %.1f s = %.0f req/s; latency p50 %.2f ms, p99 %.2f ms, max %.1f ms;"
                    + " statuses %s; policy versions %s", sent, ok, failed, seconds, sent / seconds, p50Micros / 1000.0,
                    p99Micros / 1000.0, maxMicros / 1000.0, statuses, versions);
        }
    }

    public static Report run(String base, int requests, int connections, Duration limit) throws InterruptedException {
        Lead[] leads = SampleLeads.generate(1000, 42);
        String[] bodies = Arrays.stream(leads).map(QualifyLoad::json).toArray(String[]::new);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = authorization();
        URI uri = URI.create(base + "/api/v1/qualify");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[Math.min(requests, 5_000_000)];
        AtomicLong deadline = new AtomicLong(System.nanoTime() + limit.toNanos());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                int i;
                while (!STOP.get() && (i = next.getAndIncrement()) < requests && System.nanoTime() < deadline.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json").header("Authorization", authorization)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies[i % bodies.length])).build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            Matcher version = VERSION.matcher(response.body());
                            if (version.find()) {
                                versions.merge(version.group(1), 1, Integer::sum);
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        statuses.merge(-1, 1, Integer::sum);
                    }
                    if (i < latencies.length) {
                        latencies[i] = (System.nanoTime() - t0) / 1000;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int sent = ok.get() + failed.get();
        long[] done = Arrays.copyOf(latencies, Math.min(sent, latencies.length));
        Arrays.sort(done);
        int n = done.length;
        return new Report(sent, ok.get(), failed.get(), seconds, done[n / 2], done[(int) Math.min(n - 1, n * 0.99)],
                done[n - 1], new TreeMap<>(versions), new TreeMap<>(statuses));
    }

    /**
     * The Authorization header: {@code LQ_AUTHORIZATION} as given (e.g. "Bearer eyJ…"), or HTTP Basic as crm with
     * the secret from the service's credentials file ({@code LQ_CREDENTIALS}, default ./data/credentials.properties).
     */
    static String authorization() {
        String given = System.getenv("LQ_AUTHORIZATION");
        if (given != null && !given.isBlank()) {
            return given;
        }
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("LQ_CREDENTIALS", "data/credentials.properties"));
        java.util.Properties secrets = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": set LQ_CREDENTIALS or LQ_AUTHORIZATION", e);
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("crm:" + secrets.getProperty("crm"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String json(Lead lead) {
        List<String> activities = new ArrayList<>();
        for (Activity activity : lead.getActivities()) {
            activities.add("{\"type\":\"" + activity.getType() + "\",\"at\":\"" + activity.getAt() + "\"}");
        }
        return "{\"leadId\":\"" + lead.getLeadId() + "\",\"asOf\":\"" + lead.getAsOf() + "\","
                + "\"contact\":{\"email\":\"" + lead.getContact().getEmail() + "\",\"seniority\":\"" + lead.getContact().getSeniority()
                + "\",\"decisionMaker\":" + lead.getContact().isDecisionMaker() + "},"
                + "\"company\":{" + (lead.getCompany().getIndustry() == null ? "" : "\"industry\":\"" + lead.getCompany().getIndustry() + "\",")
                + (lead.getCompany().getEmployees() == null ? "" : "\"employees\":" + lead.getCompany().getEmployees() + ",")
                + "\"country\":\"" + lead.getCompany().getCountry() + "\",\"competitor\":" + lead.getCompany().isCompetitor() + "},"
                + "\"consent\":{\"optedOut\":" + lead.getConsent().isOptedOut() + ",\"doNotEmail\":" + lead.getConsent().isDoNotEmail() + "},"
                + "\"bant\":{\"need\":" + lead.getBant().isNeed() + ",\"budget\":" + lead.getBant().isBudget() + ",\"authority\":"
                + lead.getBant().isAuthority() + ",\"timingMonths\":" + lead.getBant().getTimingMonths() + "},"
                + "\"sales\":{\"meetingBooked\":" + lead.getSales().isMeetingBooked() + ",\"proposalRequested\":"
                + lead.getSales().isProposalRequested() + ",\"negotiationStarted\":" + lead.getSales().isNegotiationStarted() + "},"
                + "\"activities\":[" + String.join(",", activities) + "]}";
    }
}
