package io.leadqualifier.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HAProxy in front of several instances of the packaged service, as an operator runs it: round robin, a
 * backend taken out when {@code /q/health/ready} fails twice (checked every 500 ms), a refused connection
 * tried again on another backend. Debian's {@code haproxy} package; {@link #installed()} says whether it is here.
 */
final class LoadBalancer implements AutoCloseable {
    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"),
            Path.of("/usr/local/sbin/haproxy"));

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Optional<Path> installed() {
        return LOCATIONS.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts HAProxy on a free port in front of {@code backends} and returns once it answers. */
    static LoadBalancer start(Path directory, List<Integer> backends) throws IOException {
        Path haproxy = installed().orElseThrow(() -> new IllegalStateException("HAProxy is not installed"));
        int port = PackagedService.freePort();
        String servers = Stream.iterate(0, i -> i + 1).limit(backends.size())
                .map(i -> "  server s" + (i + 1) + " 127.0.0.1:" + backends.get(i) + " check")
                .collect(Collectors.joining("\n"));
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                  maxconn 512
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  retries 2
                  option redispatch
                  retry-on conn-failure empty-response
                frontend lead_qualifier
                  bind 127.0.0.1:%d
                  default_backend services
                backend services
                  balance roundrobin
                  option httpchk GET /q/health/ready
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 2
                %s
                """.formatted(port, servers));
        Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("haproxy.log").toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        LoadBalancer balancer = new LoadBalancer(process, port);
        HttpClient http = HttpClient.newHttpClient();
        await("HAProxy answers on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .failFast("HAProxy exited (log: " + directory.resolve("haproxy.log") + ")", () -> !process.isAlive())
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(balancer.uri("/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return balancer;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS) || process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
