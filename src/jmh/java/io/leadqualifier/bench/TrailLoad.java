package io.leadqualifier.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * The audit-trail measurements over a database filled by {@link TrailGenerator}, through the running
 * service's HTTP API on loopback: search latency by lead and by rule, export throughput (with the service's
 * RSS sampled during the export), range replay and chain verification throughput.
 * <p>
 * {@code -Dbench.main=io.leadqualifier.bench.TrailLoad -Dbench.args="http://127.0.0.1:8080 SERVICE_PID 1000000"}
 */
public final class TrailLoad {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String authorization;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int stored = Integer.parseInt(args[2]);
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(System.getenv().getOrDefault("LQ_CREDENTIALS", "data/credentials.properties")))) {
            secrets.load(reader);
        }
        authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + secrets.getProperty("admin")).getBytes(StandardCharsets.UTF_8));
        Random random = new Random(1);

        for (int warm = 0; warm < 50; warm++) {
            get(base + "/api/v1/decisions?leadId=gen-" + random.nextInt(200_000));
        }
        List<Double> byLead = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byLead.add(timed(base + "/api/v1/decisions?leadId=gen-" + random.nextInt(Math.min(stored, 200_000))));
        }
        report("search by leadId (page of 50, with total)", byLead);
        for (String rule : List.of("Stage: SQL", "Engagement: DEMO_REQUEST")) {
            List<Double> byRule = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byRule.add(timed(base + "/api/v1/decisions?rule=" + URLEncoder.encode(rule, StandardCharsets.UTF_8) + "&page=" + i));
            }
            report("search by rule \"" + rule + "\" (page of 50, with total)", byRule);
        }
        List<Double> byRuleAndLead = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byRuleAndLead.add(timed(base + "/api/v1/decisions?rule=" + URLEncoder.encode("Stage: lead", StandardCharsets.UTF_8)
                    + "&leadId=gen-" + random.nextInt(200_000)));
        }
        report("search by rule + leadId", byRuleAndLead);

        for (String format : List.of("csv", "jsonl")) {
            long[] maxRss = {rssKb(pid)};
            long before = maxRss[0];
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxRss[0] = Math.max(maxRss[0], rssKb(pid));
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(request(base + "/api/v1/decisions/export?format=" + format),
                    HttpResponse.BodyHandlers.ofInputStream());
            long rows = 0;
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = response.body()) {
                int read;
                while ((read = body.read(buffer)) > 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            rows++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            System.out.printf("export %s: status %d, %,d lines, %,d MB in %.1f s = %,.0f rows/s; service RSS %,d MB before, max %,d MB during%n",
                    format, response.statusCode(), rows, bytes >> 20, seconds, rows / seconds, before >> 10, maxRss[0] >> 10);
        }

        // the first 100,000 decisions: generated one second apart from 2024-01-01
        long started = System.nanoTime();
        String replay = post(base + "/api/v1/decisions/replay?from=2024-01-01T00:00:00Z&to=2024-01-02T03:46:40Z");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("replay of a range of 100,000: %.1f s = %,.0f decisions/s; %s%n", seconds, 100_000 / seconds,
                replay.substring(0, Math.min(200, replay.length())));

        started = System.nanoTime();
        String verify = get(base + "/api/v1/audit/verify");
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("verify of the whole chain: %.1f s = %,.0f decisions/s; %s%n", seconds, stored / seconds, verify);
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))),
                sorted.get(sorted.size() - 1));
    }

    private static double timed(String url) throws Exception {
        long started = System.nanoTime();
        get(url);
        return (System.nanoTime() - started) / 1e6;
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(java.time.Duration.ofHours(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
