package io.leadqualifier.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadqualifier.policy.PolicyWorkspace;

/**
 * Hot reload measured against a running service watching {@code policyDir}: the time from saving a table
 * cell to the new version serving (each save alone), then swaps while qualifications run.
 * <p>
 * {@code -Dbench.main=io.leadqualifier.bench.PolicySwapLoad -Dbench.args="http://127.0.0.1:8080 /path/to/policy 20 100 4"}
 * (saves measured alone, swaps under load, load connections).
 */
public final class PolicySwapLoad {
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([0-9a-f]{12})\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = QualifyLoad.authorization().startsWith("Basic ") ? adminBasic() : QualifyLoad.authorization();

    private static String adminBasic() {
        java.util.Properties secrets = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(
                System.getenv().getOrDefault("LQ_CREDENTIALS", "data/credentials.properties")))) {
            secrets.load(reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + secrets.getProperty("admin"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private PolicySwapLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        PolicyWorkspace disk = PolicyWorkspace.at(Path.of(args[1]));
        int alone = Integer.parseInt(args[2]);
        int underLoad = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int[] value = {8};

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < alone; i++) {
            latencies.add(saveAndAwait(base, disk, value));
        }
        System.out.println("save → serving, " + alone + " saves alone: " + summary(latencies));

        CompletableFuture<QualifyLoad.Report> load = CompletableFuture.supplyAsync(() -> {
            try {
                return QualifyLoad.run(base, 1_000_000_000, connections, Duration.ofMinutes(8));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2000);
        List<Long> loaded = new ArrayList<>();
        for (int i = 0; i < underLoad; i++) {
            loaded.add(saveAndAwait(base, disk, value));
        }
        System.out.println("save → serving, " + underLoad + " swaps under load: " + summary(loaded));
        // Stop the load: it is bounded by count and time; ask it to end by reaching its time limit sooner.
        System.out.println("load during the swaps: " + stop(load));
    }

    private static QualifyLoad.Report stop(CompletableFuture<QualifyLoad.Report> load) throws Exception {
        QualifyLoad.STOP.set(true);
        return load.get();
    }

    private static long saveAndAwait(String base, PolicyWorkspace disk, int[] value) throws Exception {
        String before = activeVersion(base);
        value[0] = value[0] == 8 ? 9 : 8;
        long start = System.nanoTime();
        disk.setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EMAIL_CLICK", "Points", value[0]);
        while (activeVersion(base).equals(before)) {
            if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                throw new IllegalStateException("no new version 60 s after a save");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String activeVersion(String base) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policy"))
                        .header("Authorization", ADMIN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = VERSION.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no version in " + body);
        }
        return matcher.group(1);
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + " ms, worst " + sorted.get(sorted.size() - 1) + " ms, best "
                + sorted.get(0) + " ms";
    }
}
