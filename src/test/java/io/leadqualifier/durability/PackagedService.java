package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.security.Roles;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) run as an
 * operating-system process of its own, the way an operator runs it, so that a test can kill it and start it
 * again on the same working directory: {@code ./data} (the H2 file and the generated credentials) is there.
 * The policy is read from the project directory, and not watched. The output of every start goes to one log.
 */
final class PackagedService {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path JAR = PROJECT.resolve("target/quarkus-app/quarkus-run.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Path workDirectory;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final int fixedPort;
    private Process process;
    private int port;
    private int starts;

    /**
     * @param environment added to the process environment (e.g. {@code POSTGRES_URL})
     * @param options     JVM options added before {@code -jar} (e.g. {@code -Dquarkus.profile=postgres})
     */
    PackagedService(Path workDirectory, Path log, Map<String, String> environment, List<String> options) {
        this(workDirectory, log, environment, options, 0);
    }

    /**
     * @param fixedPort the port of every start (a load balancer's backend), or 0 for a free port on each start
     */
    PackagedService(Path workDirectory, Path log, Map<String, String> environment, List<String> options, int fixedPort) {
        this.fixedPort = fixedPort;
        this.workDirectory = workDirectory;
        this.log = log;
        this.environment = environment;
        this.options = options;
    }

    /** Starts the service on a free loopback port and returns once {@code /q/health/ready} answers 200. */
    void start() throws IOException {
        assertThat(JAR).as("the packaged service: `./mvnw verify` builds it (package) before the integration tests")
                .isRegularFile();
        port = fixedPort > 0 ? fixedPort : freePort();
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dlead-qualifier.policy.watch=false"));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString()));
        Files.writeString(log, "==== start " + starts + " at " + Instant.now() + " on port " + port + ": " + command + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only what this test sets: a developer's shell must not change the database, the credentials or retention.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("LEAD_QUALIFIER_")
                || name.startsWith("POSTGRES_") || name.equals("PORT"));
        builder.environment().put("LEAD_QUALIFIER_POLICY_DIR", PROJECT.toString());
        builder.environment().putAll(environment);
        process = builder.start();
        Process started = process;
        // Should the test JVM itself be stopped, the service must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        await("start " + starts + " ready on port " + port + " (log: " + log + ")")
                .atMost(READY_WITHIN).pollInterval(Duration.ofMillis(250))
                .failFast("the service exited during start " + starts + " (log: " + log + ")", () -> !started.isAlive())
                .until(this::ready);
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook runs, nothing is flushed or closed.
     * Returns once the process is gone.
     */
    void kill() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process %d ended after SIGKILL", pid).isTrue();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d after SIGKILL", pid).isEmpty();
        assertThat(process.exitValue()).as("exit status of process %d: 128 + 9, killed by SIGKILL", pid).isEqualTo(137);
    }

    /** SIGTERM, the orderly stop; SIGKILL if it has not stopped within 30 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** For failure messages: whether the process runs, or how it ended (143: SIGTERM from someone else). */
    String state() {
        if (process == null) {
            return "not started";
        }
        return process.isAlive() ? "running as process " + process.pid()
                : "process " + process.pid() + " exited with status " + process.exitValue() + " (log: " + log + ")";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The {@code Authorization} header of a role, with the secret the service generated on its first start. */
    /** Asserts that {@code GET /api/v1/audit/verify}, as auditor, answers that the decision chain is valid. */
    void assertChainVerifies() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/audit/verify"))
                .header("Authorization", basicAuthorization(Roles.AUDITOR)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("verify: %s", answer.body()).isEqualTo(200);
        JsonNode verification = new ObjectMapper().readTree(answer.body());
        assertThat(verification.path("valid").asBoolean()).as("the chain: %s", verification).isTrue();
    }

    String basicAuthorization(String role) {
        return authorizations.computeIfAbsent(role, this::readAuthorization);
    }

    private String readAuthorization(String role) {
        Properties secrets = new Properties();
        Path file = environment.containsKey("LEAD_QUALIFIER_CREDENTIALS_FILE")
                ? Path.of(environment.get("LEAD_QUALIFIER_CREDENTIALS_FILE"))
                : workDirectory.resolve("data/credentials.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String secret = secrets.getProperty(role);
        assertThat(secret).as("the %s secret in %s", role, file).isNotBlank();
        return "Basic " + Base64.getEncoder().encodeToString((role + ":" + secret.strip()).getBytes(StandardCharsets.UTF_8));
    }

    Path log() {
        return log;
    }

    /** The process id, for a signal sent from outside (SIGTERM with {@link #stop()} is the usual way). */
    long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself (after a signal) and returns its exit status. */
    int awaitExit(Duration atMost) throws InterruptedException {
        assertThat(process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)).as("process %d ended within %s", process.pid(), atMost)
                .isTrue();
        return process.exitValue();
    }

    int port() {
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
