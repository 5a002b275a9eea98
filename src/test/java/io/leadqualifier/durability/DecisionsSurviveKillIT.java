package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * "A decision is returned only after it is committed" (README), checked the hard way: the packaged service
 * runs as a process of its own, eight clients qualify leads (some with an {@code Idempotency-Key}, some of
 * those retried), and after 1,200 answers (or 10 s) the process is killed with SIGKILL while the clients are
 * still sending: no shutdown hook runs, nothing is flushed. It is started again on the same data, and every
 * decision answered 200 since the previous start must be found (after the last kill: every decision
 * answered), the hash chain must verify, and new decisions must still be recorded on it. Three kills (system
 * property {@code lq.kills}): each lands at another moment of the store's write cycle.
 *
 * <p>Why a process and a kill: a store that acknowledges a commit before the commit is on disk (H2's MVStore
 * writes committed transactions to its file after a delay) loses the last decisions it answered when the
 * process or the machine dies, yet keeps them across an orderly stop, which is all that an in-JVM restart
 * test ({@code DecisionSurvivesRestartTest}) can do.
 *
 * <p>Runs on {@code ./mvnw verify}: on the embedded H2 file database in a fresh working directory, and on
 * PostgreSQL under {@code -Ppostgresql}, where the jar is built for PostgreSQL and the service gets a schema of
 * its own ({@value #PG_SCHEMA}, dropped and created first). The service log (every start), its working
 * directory and the answered and missing decision ids are kept under {@code target/decisions-survive-kill/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionsSurviveKillIT {
    /** More kills catch rarer losses: {@code ./mvnw verify -Dit.test=DecisionsSurviveKillIT -Dlq.kills=10}. */
    private static final int KILLS = Integer.getInteger("lq.kills", 3);
    private static final int CLIENTS = 8;
    private static final int ANSWERS_BEFORE_KILL = 1_200;
    /** The kill comes after this long even if fewer answers came back (a busy machine): a loss window is a time. */
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(10);
    /** Fewer answers than this before the kill would prove little. */
    private static final int ANSWERS_AT_LEAST = 100;
    private static final String PG_SCHEMA = "lq_kill_it";
    private static final Instant AS_OF = Instant.parse("2026-11-22T10:00:00Z");
    private static final String[] SENIORITIES = {"C_LEVEL", "VP", "DIRECTOR", "MANAGER", "INDIVIDUAL", "UNKNOWN"};
    private static final String[] INDUSTRIES = {"SOFTWARE", "FINANCE", "RETAIL", "MANUFACTURING", "EDUCATION"};
    private static final String[] COUNTRIES = {"FR", "DE", "US", "GB"};
    private static final String[] ACTIVITIES = {"CONTENT_DOWNLOAD", "WEBINAR_ATTENDED", "DEMO_REQUEST", "EMAIL_OPEN",
            "WEBSITE_VISIT", "PRICING_PAGE_VISIT"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String store = TestDatabase.isPostgres() ? "postgresql" : "h2";
    private final Path directory = PackagedService.PROJECT.resolve("target/decisions-survive-kill/" + store);
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
        List<String> options = List.of();
        if (TestDatabase.isPostgres()) {
            String url = TestDatabase.postgresUrl(PG_SCHEMA);
            try (Connection connection = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + PG_SCHEMA + " cascade");
                statement.execute("create schema " + PG_SCHEMA);
            }
            environment = Map.of("POSTGRES_URL", url, "POSTGRES_USER", TestDatabase.postgresUser(),
                    "POSTGRES_PASSWORD", TestDatabase.postgresPassword());
            options = List.of("-Dquarkus.profile=postgres");
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
    @Order(1)
    void everyAnsweredDecisionSurvivesSigkill() throws Exception {
        Set<String> answered = new LinkedHashSet<>();
        Set<String> lost = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();
        List<String> cycles = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long started = System.nanoTime();
            Clients clients = new Clients(kill);
            boolean allAnswers = clients.answers.await(LOAD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            clients.killed.set(true);
            service.kill();
            clients.awaitEnd();
            assertThat(clients.unexpected).as("answers other than 200 and failures before the kill %d (of %d)", kill,
                    clients.unexpectedCount.get()).isEmpty();
            assertThat(clients.answered).as("decisions answered before kill %d (all %d: %s)", kill, ANSWERS_BEFORE_KILL,
                    allAnswers).hasSizeGreaterThanOrEqualTo(ANSWERS_AT_LEAST);
            assertThat(clients.cutOff.get()).as("requests the kill %d cut off: the clients were still sending", kill).isPositive();
            answered.addAll(clients.answered);
            long killedAt = System.nanoTime();

            service.start();
            long readyAt = System.nanoTime();
            // The decisions answered since the previous start; after the last kill, every decision answered so far.
            Collection<String> readBack = kill == KILLS ? answered : clients.answered;
            List<String> missing = missing(readBack);
            List<String> newlyLost = missing.stream().filter(id -> !lost.contains(id)).toList();
            lost.addAll(missing);
            JsonNode verification = verify();
            if (!verification.path("valid").asBoolean()) {
                broken.add("after kill " + kill + ": " + verification);
            }
            String cycle = String.format(
                    "kill %d: %d decisions answered (%d idempotent replays), %d requests cut off; after the restart %d"
                            + " missing of %d read back; chain %s (%d checked); load %.1f s, restart %.1f s, check %.1f s",
                    kill, clients.answered.size(), clients.replayed.get(), clients.cutOff.get(), newlyLost.size(), readBack.size(),
                    verification.path("valid").asBoolean() ? "valid" : "BROKEN", verification.path("checked").asLong(),
                    (killedAt - started) / 1e9, (readyAt - killedAt) / 1e9, (System.nanoTime() - readyAt) / 1e9);
            cycles.add(cycle);
            System.out.println("[DecisionsSurviveKillIT, " + store + "] " + cycle);
        }
        Files.write(directory.resolve("answered-ids.txt"), answered);
        Files.write(directory.resolve("missing-ids.txt"), lost);

        String summary = store + ", " + KILLS + " SIGKILLs:\n  " + String.join("\n  ", cycles) + "\nlog: " + service.log()
                + "\nids: " + directory.resolve("answered-ids.txt") + ", " + directory.resolve("missing-ids.txt");
        assertThat(lost.size()).as("answered decisions not found after a SIGKILL and a restart: %d of %d, e.g. %s\n%s",
                lost.size(), answered.size(), lost.stream().limit(5).toList(), summary).isZero();
        assertThat(broken).as("the hash chain after each restart\n%s", summary).isEmpty();
    }

    @Test
    @Order(2)
    void theRestartedServiceRecordsNewDecisionsOnAChainThatStillVerifies() throws Exception {
        if (!service.isRunning()) {
            service.start();
        }
        long before = verify().path("checked").asLong();
        List<String> recorded = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            HttpResponse<String> answer = qualify("after-kills-" + n, n, n % 2 == 0 ? "after-kills-" + n : null);
            assertThat(answer.statusCode()).as("qualify after the kills: %s", answer.body()).isEqualTo(200);
            recorded.add(decisionId(answer.body()));
        }

        assertThat(missing(recorded)).as("decisions recorded after the kills, read back").isEmpty();
        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).as("the chain after the new decisions: %s", verification).isTrue();
        assertThat(verification.path("checked").asLong()).as("decisions on the chain").isEqualTo(before + recorded.size());
    }

    @Test
    @Order(3)
    void aDecisionReadsBackAfterAnOrderlyRestartWithItsInputFiredRulesAndArchivedPolicy() throws Exception {
        if (!service.isRunning()) {
            service.start();
        }
        HttpResponse<String> answer = qualify("restart-content", 3, null);
        assertThat(answer.statusCode()).as("qualify: %s", answer.body()).isEqualTo(200);
        JsonNode answered = json.readTree(answer.body());

        service.stop();
        service.start();

        HttpResponse<String> read = send(HttpRequest.newBuilder(service.uri("/api/v1/decisions/" + answered.path("decisionId").asText()))
                .header("Authorization", service.basicAuthorization(Roles.AUDITOR)).GET());
        assertThat(read.statusCode()).as("the decision after the restart: %s", read.body()).isEqualTo(200);
        JsonNode decision = json.readTree(read.body());
        for (String field : List.of("stage", "temperature", "route", "score", "checklist", "sla", "reasons", "firedRules", "policy")) {
            assertThat(decision.path(field)).as("%s as answered before the restart", field).isEqualTo(answered.path(field));
        }
        assertThat(decision.path("input").path("contact").path("email").asText()).as("the person's data, kept apart")
                .isEqualTo("person.3@acme.example");
        assertThat(decision.path("input").path("activities")).as("the activities the rules saw").hasSize(3);
        String version = decision.path("policy").path("version").asText();
        HttpResponse<String> policy = send(HttpRequest.newBuilder(service.uri("/api/v1/policy/versions/" + version))
                .header("Authorization", service.basicAuthorization(Roles.AUDITOR)).GET());
        assertThat(policy.statusCode()).as("the policy version that decided, archived: %s", policy.body()).isEqualTo(200);
        assertThat(policy.body()).contains("rules/assessment.drl", "decision-tables/routing.xlsx");
    }

    /** The ids that {@code GET /api/v1/decisions/{id}} does not find, read as the auditor by {@value #CLIENTS} threads. */
    private List<String> missing(Collection<String> ids) throws Exception {
        String auditor = service.basicAuthorization(Roles.AUDITOR);
        List<String> all = List.copyOf(ids);
        ExecutorService readers = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> slices = new ArrayList<>();
            for (int reader = 0; reader < CLIENTS; reader++) {
                int first = reader;
                slices.add(readers.submit(() -> {
                    List<String> notFound = new ArrayList<>();
                    for (int i = first; i < all.size(); i += CLIENTS) {
                        HttpResponse<String> answer = send(HttpRequest.newBuilder(service.uri("/api/v1/decisions/" + all.get(i)))
                                .header("Authorization", auditor).GET());
                        if (answer.statusCode() == 404) {
                            notFound.add(all.get(i));
                        } else {
                            assertThat(answer.statusCode()).as("GET decision %s: %s", all.get(i), answer.body()).isEqualTo(200);
                        }
                    }
                    return notFound;
                }));
            }
            List<String> notFound = new ArrayList<>();
            for (Future<List<String>> slice : slices) {
                notFound.addAll(slice.get(5, TimeUnit.MINUTES));
            }
            return notFound;
        } finally {
            readers.shutdownNow();
        }
    }

    private JsonNode verify() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(service.uri("/api/v1/audit/verify"))
                .header("Authorization", service.basicAuthorization(Roles.AUDITOR)).GET());
        assertThat(answer.statusCode()).as("GET /api/v1/audit/verify: %s", answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> qualify(String leadId, int n, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/api/v1/qualify"))
                .header("Authorization", service.basicAuthorization(Roles.CRM))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead(leadId, n)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(built.method() + " " + built.uri() + ": " + e + "; service " + service.state(), e);
        }
    }

    private String decisionId(String body) throws IOException {
        String id = json.readTree(body).path("decisionId").asText("");
        assertThat(id).as("decisionId in %s", body).isNotEmpty();
        return id;
    }

    /** A lead like the README's, varied by {@code n}: seniority, industry, size, country, zero to three activities. */
    private static String lead(String leadId, int n) {
        String activities = IntStream.range(0, n % 4)
                .mapToObj(i -> String.format("{ \"type\": \"%s\", \"at\": \"%s\" }", ACTIVITIES[(n + i) % ACTIVITIES.length],
                        AS_OF.minus(1 + 3L * i + n % 5, ChronoUnit.DAYS)))
                .collect(Collectors.joining(", "));
        return String.format("""
                { "leadId": "%s", "asOf": "%s",
                  "contact": { "email": "person.%d@acme.example", "seniority": "%s" },
                  "company": { "industry": "%s", "employees": %d, "country": "%s" },
                  "activities": [ %s ] }
                """, leadId, AS_OF, n, SENIORITIES[n % SENIORITIES.length], INDUSTRIES[n % INDUSTRIES.length],
                5 + (n * 37) % 3000, COUNTRIES[n % COUNTRIES.length], activities);
    }

    /**
     * {@value #CLIENTS} clients qualifying leads until the kill: every third request carries an idempotency key,
     * and every other of those is sent a second time, which must answer the first decision. Records the id of
     * every decision answered 200; failures before the kill are unexpected, after it they are the requests the
     * kill cut off.
     */
    private final class Clients {
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        final CountDownLatch answers = new CountDownLatch(ANSWERS_BEFORE_KILL);
        final AtomicBoolean killed = new AtomicBoolean();
        final AtomicInteger cutOff = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger unexpectedCount = new AtomicInteger();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        private final int kill;
        private final long deadline = System.nanoTime() + LOAD_AT_MOST.plusSeconds(30).toNanos();

        Clients(int kill) {
            this.kill = kill;
            for (int client = 1; client <= CLIENTS; client++) {
                int id = client;
                threads.execute(() -> send(id));
            }
        }

        private void send(int client) {
            for (int n = 1; !killed.get() && System.nanoTime() < deadline; n++) {
                String leadId = "kill-" + kill + "-" + client + "-" + n;
                String key = n % 3 == 0 ? "key-" + leadId : null;
                try {
                    String decision = answered(leadId, qualify(leadId, n, key));
                    if (decision != null && key != null && n % 2 == 0) {
                        HttpResponse<String> retry = qualify(leadId, n, key);
                        String again = answered(leadId + " (retried)", retry);
                        if (again != null && again.equals(decision)
                                && retry.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                            replayed.incrementAndGet();
                        } else if (again != null) {
                            unexpected(leadId + " retried with its idempotency key: decision " + again + " instead of " + decision);
                        }
                    }
                } catch (IOException e) {
                    if (killed.get()) {
                        cutOff.incrementAndGet();
                        return;
                    }
                    unexpected(leadId + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | AssertionError e) {
                    unexpected(leadId + ": " + e);
                }
            }
        }

        private String answered(String leadId, HttpResponse<String> answer) throws IOException {
            if (answer.statusCode() == 200) {
                String id = decisionId(answer.body());
                answered.add(id);
                answers.countDown();
                return id;
            }
            unexpected(leadId + ": " + answer.statusCode() + " " + answer.body());
            return null;
        }

        private void unexpected(String what) {
            if (unexpectedCount.incrementAndGet() <= 5) {
                unexpected.add(what);
            }
        }

        void awaitEnd() throws InterruptedException {
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("the clients stopped after the kill").isTrue();
        }
    }
}
