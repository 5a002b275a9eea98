package io.leadqualifier.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.policy.PolicyWorkspace;

/**
 * Times one simulation over HTTP against a running service whose trail {@link TrailGenerator} filled: the MQL
 * threshold lowered from 70 to 60 (the project's stage-thresholds.xlsx, changed as RevOps would), over the decisions
 * evaluated in [from, to), from the POST to the finished report, with the service's RSS sampled while it runs
 * (memory flat: it should not grow with the population). Authenticates as revops with data/credentials.properties
 * ({@code LQ_CREDENTIALS} for another file).
 * <p>
 * {@code -Dbench.main=io.leadqualifier.bench.SimulationLoad -Dbench.args="http://127.0.0.1:8080 SERVICE_PID
 * 2024-01-01T00:00:00Z 2024-01-02T03:46:40Z"} (the first 100,000 generated decisions, one second apart)
 */
public final class SimulationLoad {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        String from = args[2];
        String to = args[3];
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(System.getenv().getOrDefault("LQ_CREDENTIALS", "data/credentials.properties")))) {
            secrets.load(reader);
        }
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("revops:" + secrets.getProperty("revops")).getBytes(StandardCharsets.UTF_8));
        byte[] workbook = PolicyWorkspace.copyOfDefault().setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Total at least", 60)
                .bytes("decision-tables/stage-thresholds.xlsx");

        String boundary = "simulation-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "file", "stage-thresholds.xlsx", workbook);
        part(body, boundary, "from", null, from.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "to", null, to.getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        long rssBefore = rssKb(pid);
        long maxRss = rssBefore;
        long started = System.nanoTime();
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/simulations"))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/simulations answered " + submitted.statusCode() + ": " + submitted.body());
        }
        String id = JSON.readTree(submitted.body()).get("id").asText();
        double accepted = (System.nanoTime() - started) / 1e9;
        JsonNode simulation;
        while (true) {
            simulation = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/simulations/" + id))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString()).body());
            maxRss = Math.max(maxRss, rssKb(pid));
            String status = simulation.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long processed = simulation.get("progress").get("processed").asLong();
        System.out.printf("simulation %s: %s, %,d decisions in %.1f s (accepted after %.1f s: compile and checks) = %,.0f decisions/s;"
                + " service RSS %,d MB before, max %,d MB during%n", id, simulation.get("status").asText(), processed, seconds, accepted,
                processed / seconds, rssBefore >> 10, maxRss >> 10);
        if (simulation.has("report")) {
            JsonNode report = simulation.get("report");
            System.out.printf("changed %,d of %,d; stages %s; hand-off weeks %,d%n", report.get("changed").asLong(),
                    report.get("evaluated").asLong(), report.get("stages").get("matrix"), report.get("handoffLoad").size());
        } else {
            System.out.println(simulation.toPrettyString());
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content) throws Exception {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n";
        body.write(header.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The resident set of the process, from /proc (Linux). */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
