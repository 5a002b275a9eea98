package io.leadqualifier.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.IntStream;

import io.leadqualifier.evaluation.SampleLeads;

/**
 * Batches over HTTP against a running service on loopback: {@code batches} NDJSON batches of {@code lines} leads each,
 * generated while they are sent (the 1,000 sample leads with fresh ids), dry run ({@code record=false}) or recorded.
 * Reports leads per second from the first byte sent to the summary line, and the summary. Compare a recorded run with
 * {@link QualifyLoad} (one lead per request) on the same service.
 * <p>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.leadqualifier.bench.BatchLoad
 * -Dbench.args="http://127.0.0.1:8080 100000 false 3"}
 */
public final class BatchLoad {
    private BatchLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        boolean record = args.length > 2 && Boolean.parseBoolean(args[2]);
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String host = URI.create(base).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("Load is only sent to loopback addresses, not " + host);
        }
        String[] bodies = Arrays.stream(SampleLeads.generate(1000, 42)).map(QualifyLoad::json).toArray(String[]::new);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = QualifyLoad.authorization();
        for (int batch = 1; batch <= batches; batch++) {
            String prefix = "load-" + System.nanoTime() + "-";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/qualify/batch?progressEvery=0&record=" + record))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated(bodies, lines, prefix))).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String last = null;
            long answers = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    answers++;
                    last = line;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("batch %d (%s): HTTP %d, %d leads in %.1f s = %.0f leads/s; %d answer lines; %s%n", batch,
                    record ? "recorded" : "dry run", response.statusCode(), lines, seconds, lines / seconds, answers, last);
        }
    }

    /** The batch's lines, made as they are read: never the whole batch in memory. */
    private static InputStream generated(String[] bodies, int lines, String prefix) {
        Iterator<InputStream> each = IntStream.range(0, lines).mapToObj(i -> (InputStream) new java.io.ByteArrayInputStream(
                (bodies[i % bodies.length].replaceFirst("\"leadId\":\"[^\"]*\"", "\"leadId\":\"" + prefix + i + "\"") + "\n")
                        .getBytes(StandardCharsets.UTF_8))).iterator();
        return new SequenceInputStream(new java.util.Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return each.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return each.next();
            }
        });
    }
}
