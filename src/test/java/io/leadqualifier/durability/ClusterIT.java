package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.security.Roles;
import io.leadqualifier.system.TestDatabase;

/**
 * Two instances of the packaged service on one PostgreSQL schema ({@value #PG_SCHEMA}, dropped and created
 * first), as a company runs them behind a load balancer: a policy activated on one is served by the other within
 * 5 s, a policy that fails its checks is served by neither, and the SLA sweep runs on one instance per firing and
 * goes on on the survivor when the instance that ran it is killed. PostgreSQL only (on H2 there is one instance):
 * {@code ./mvnw verify -Ppostgresql -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT}.
 * The logs stay in {@code target/cluster/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String PG_SCHEMA = "lq_cluster_it";
    private static final Duration CONVERGENCE = Duration.ofSeconds(5);
    private static final Pattern SWEEPS = Pattern.compile("leadqualifier_jobs_runs_total\\{[^}]*job=\"sla-sweep\"[^}]*} ([0-9.E]+)");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path directory = PackagedService.PROJECT.resolve("target/cluster");
    private final List<PackagedService> instances = new ArrayList<>();
    private PackagedService first;
    private PackagedService second;

    @BeforeAll
    void startTwoInstancesOnOneSchema() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "several instances need PostgreSQL: runs in the PostgreSQL suite (-Ppostgresql)");
        delete(directory);
        Path work = Files.createDirectories(directory.resolve("work"));
        String url = TestDatabase.postgresUrl(PG_SCHEMA);
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + PG_SCHEMA + " cascade");
            statement.execute("create schema " + PG_SCHEMA);
        }
        // A sweep a second, and an instance that stops checking in is taken over after a few seconds. Both are named
        // the folder watcher (a mistake): the second must find the role taken.
        List<String> options = List.of("-Dquarkus.profile=postgres", "-Dlead-qualifier.sla.sweep-every=1s",
                "-Dlead-qualifier.jobs.checkin-interval=2s", "-Dlead-qualifier.policy.watch=true",
                "-Dlead-qualifier.policy.cluster.folder-watcher=true");
        first = instance("first", work, url, options);
        second = instance("second", work, url, options);
    }

    private PackagedService instance(String name, Path work, String url, List<String> options) throws Exception {
        Path policy = copyOfThePolicy(directory.resolve(name + "-policy"));
        Map<String, String> environment = new HashMap<>(Map.of("POSTGRES_URL", url, "POSTGRES_USER", TestDatabase.postgresUser(),
                "POSTGRES_PASSWORD", TestDatabase.postgresPassword(), "LEAD_QUALIFIER_POLICY_DIR", policy.toString()));
        PackagedService service = new PackagedService(work, directory.resolve(name + ".log"), environment, options);
        instances.add(service);
        service.start();
        return service;
    }

    @AfterAll
    void stopTheInstances() throws InterruptedException {
        for (PackagedService service : instances) {
            service.stop();
        }
    }

    @Test
    @Order(-1)
    void aDecisionRecordedByOneInstanceIsFoundByItsRuleOnTheOther() throws Exception {
        String lead = "cluster-rules-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> recorded = List.of(quote(first, lead, "2026-11-22T10:00:00Z"), quote(second, lead, "2026-11-22T11:00:00Z"));
        for (PackagedService service : List.of(first, second)) {
            JsonNode found = call(service, "GET", "/api/v1/decisions?rule=Engagement%3A%20QUOTE_REQUEST&leadId=" + lead, 200);
            assertThat(found.path("items").findValuesAsText("decisionId")).as("found by rule on the %s instance",
                    service == first ? "first" : "second").containsExactlyInAnyOrderElementsOf(recorded);
        }
    }

    @Test
    @Order(0)
    void oneInstanceAtMostWatchesThePolicyFoldersAndWhatItAcceptsReachesTheOthers() throws Exception {
        assertThat(Files.readString(second.log())).as("the second instance named folder watcher")
                .contains("another instance on this database is the folder watcher").doesNotContain("Watching ");
        assertThat(Files.readString(first.log())).contains("Watching ");

        String before = serving(first);
        Files.write(directory.resolve("first-policy/rules/assessment.drl"), assessmentWithComment("saved in the watched folder"));
        await("the watcher serves the saved file").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !serving(first).equals(before));
        String saved = serving(first);
        // What is checked here is the watcher's role; the 5 s are the uploads' tests below (a save's candidate is
        // compiled, checked and warmed up on the watcher while the other compiles it: on a busy machine, longer).
        await("the second instance serves " + saved).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> serving(second).equals(saved));
    }

    @Test
    @Order(1)
    void aPolicyUploadedToOneInstanceIsServedByTheOtherWithinFiveSeconds() throws Exception {
        String uploaded = upload(first, "assessment.drl", assessmentWithComment("uploaded to the first instance"), 200).path("version").asText();

        await("the second instance serves " + uploaded).atMost(CONVERGENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> serving(second).equals(uploaded));
        assertThat(qualify(second).path("policy").path("version").asText()).as("the version the decision names").isEqualTo(uploaded);
        await("the second instance says it compiled " + uploaded + " while the first checked it (log: " + second.log() + ")")
                .atMost(CONVERGENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readAllLines(second.log()).stream().anyMatch(line -> line.contains("Policy " + uploaded + " is active")
                        && line.contains("compiled here while that instance checked it")));
        assertThat(Files.readString(directory.resolve("second-policy/rules/assessment.drl")))
                .as("the follower's folder holds the served files, so that an upload there adds to them")
                .contains("uploaded to the first instance");
    }

    @Test
    @Order(2)
    void aPolicyThatFailsItsChecksIsServedByNoInstance() throws Exception {
        String before = serving(first);
        String rejected = upload(second, "assessment.drl", "package leadqualifier.policy;\nrule \"Broken\" when Lead( then end".getBytes(
                StandardCharsets.UTF_8), 422).path("candidate").path("version").asText("");
        String next = upload(second, "assessment.drl", assessmentWithComment("after a rejected upload"), 200).path("version").asText();

        Set<String> servedByTheFirst = ConcurrentHashMap.newKeySet();
        servedByTheFirst.add(before);
        await("the first instance serves " + next).atMost(CONVERGENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            String serving = serving(first);
            servedByTheFirst.add(serving);
            return serving.equals(next);
        });
        assertThat(servedByTheFirst).as("versions the first instance served").containsOnly(before, next);
        assertThat(serving(second)).isEqualTo(next);
        if (!rejected.isEmpty()) {
            assertThat(call(first, "GET", "/api/v1/policy/versions/" + rejected, 200).path("activations").size())
                    .as("activations of the rejected version").isZero();
        }
    }

    @Test
    @Order(3)
    void theSweepRunsOnOneInstanceAtATimeAndMovesWhenItsInstanceIsKilled() throws Exception {
        await("sweeps running").atMost(Duration.ofSeconds(30)).until(() -> sweeps(first) + sweeps(second) >= 2);
        double firstBefore = sweeps(first);
        double secondBefore = sweeps(second);
        long started = System.nanoTime();
        await("a few seconds of sweeps").atMost(Duration.ofSeconds(30))
                .until(() -> sweeps(first) + sweeps(second) - firstBefore - secondBefore >= 5);
        double seconds = (System.nanoTime() - started) / 1e9;
        double ran = sweeps(first) + sweeps(second) - firstBefore - secondBefore;
        assertThat(ran).as("sweeps in %.1f s with a sweep a second on two instances: once per firing, not once per instance", seconds)
                .isLessThanOrEqualTo(seconds + 2);

        // The instance that ran the latest sweep is killed.
        double firstNow = sweeps(first);
        double secondNow = sweeps(second);
        await("a next sweep").atMost(Duration.ofSeconds(30)).until(() -> sweeps(first) > firstNow || sweeps(second) > secondNow);
        PackagedService running = sweeps(first) > firstNow ? first : second;
        PackagedService survivor = running == first ? second : first;
        double survivorBefore = sweeps(survivor);
        running.kill();
        long killed = System.nanoTime();
        await("the survivor sweeps (log: " + survivor.log() + ")").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> sweeps(survivor) >= survivorBefore + 2);
        System.out.printf("ClusterIT: sweeps taken over %d ms after the kill%n", (System.nanoTime() - killed) / 1_000_000);
    }

    private byte[] assessmentWithComment(String comment) throws Exception {
        String assessment = Files.readString(PackagedService.PROJECT.resolve("rules/assessment.drl"));
        return (assessment + "\n// " + comment + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private String serving(PackagedService service) throws Exception {
        return call(service, "GET", "/api/v1/policy", 200).path("version").asText();
    }

    private double sweeps(PackagedService service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri("/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", service.basicAuthorization(Roles.AUDITOR)).build();
        String metrics = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = SWEEPS.matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    private JsonNode qualify(PackagedService service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/qualify")).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.basicAuthorization(Roles.CRM)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        { "leadId": "cluster-1", "asOf": "2026-11-22T10:00:00Z", "contact": { "email": "a@acme.fr" } }"""))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("qualify: %s", answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    /** A lead whose quote request fires the rule "Engagement: QUOTE_REQUEST"; returns the decision's id. */
    private String quote(PackagedService service, String leadId, String asOf) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/qualify")).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.basicAuthorization(Roles.CRM)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\","
                        + "\"contact\":{\"email\":\"q@acme.fr\"},\"activities\":[{\"type\":\"QUOTE_REQUEST\",\"at\":\"2026-11-21T10:00:00Z\"}]}"))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("qualify: %s", answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("decisionId").asText();
    }

    private JsonNode upload(PackagedService service, String name, byte[] content, int expected) throws Exception {
        String boundary = "cluster-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/policy/files")).timeout(Duration.ofSeconds(60))
                .header("Authorization", service.basicAuthorization(Roles.ADMIN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("upload of %s: %s", name, answer.body()).isEqualTo(expected);
        return json.readTree(answer.body());
    }

    private JsonNode call(PackagedService service, String method, String path, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.uri(path).toString())).timeout(Duration.ofSeconds(30))
                .header("Authorization", service.basicAuthorization(Roles.ADMIN))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
        return json.readTree(answer.body());
    }

    private static Path copyOfThePolicy(Path target) throws Exception {
        for (String folder : List.of("rules", "decision-tables")) {
            Path source = PackagedService.PROJECT.resolve(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(folder).resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    private static void delete(Path path) throws Exception {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
