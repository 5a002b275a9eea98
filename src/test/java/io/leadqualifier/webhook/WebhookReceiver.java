package io.leadqualifier.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that checks every message the way a receiver following Standard Webhooks would,
 * written from the specification and not from the service's code: the signature over {@code id.timestamp.body}
 * with the secret's decoded bytes, compared in constant time, and a timestamp within five minutes of its clock.
 * It answers what the test scripted, in order, then its default answer.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** Five minutes, as the reference libraries tolerate. */
    private static final long TOLERANCE_SECONDS = 300;

    /** One message as received, and whether it verified. */
    public record Received(String id, String timestamp, String signature, String contentType, String host, String body,
            boolean verified) {
    }

    /** An answer to give: a status and headers. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final Clock clock;
    private int port;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer otherwise = new Answer(200, Map.of());
    private volatile String secret;
    private HttpServer server;

    private WebhookReceiver(Clock clock, int port) {
        this.clock = clock;
        this.port = port;
    }

    /** A receiver listening on a free loopback port. */
    public static WebhookReceiver start(Clock clock) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(clock, 0);
        receiver.listen();
        return receiver;
    }

    /** A receiver that is down: its port is free (connections are refused) until {@link #listen()}. */
    public static WebhookReceiver down(Clock clock) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new WebhookReceiver(clock, socket.getLocalPort());
        }
    }

    /** Starts listening (again) on its port. */
    public synchronized void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        port = server.getAddress().getPort();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    /** The secret the subscription's POST answered with. */
    public WebhookReceiver trust(String subscriptionSecret) {
        this.secret = subscriptionSecret;
        return this;
    }

    /** The next answers, in order. */
    public synchronized WebhookReceiver answer(int status, Map<String, String> headers) {
        script.add(new Answer(status, headers));
        return this;
    }

    public WebhookReceiver answer(int status) {
        return answer(status, Map.of());
    }

    /** The answer once the scripted ones are given. */
    public WebhookReceiver otherwise(int status) {
        otherwise = new Answer(status, Map.of());
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        received.add(new Received(id, timestamp, signature, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Host"), body, verify(id, timestamp, signature, body)));
        Answer answer;
        synchronized (this) {
            answer = script.isEmpty() ? otherwise : script.poll();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    /** What a receiver does before it trusts a message. */
    boolean verify(String id, String timestamp, String signatureHeader, String body) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // The header may carry several signatures (secret rotation), space-separated, each "version,base64".
        for (String candidate : signatureHeader.split(" ")) {
            String[] parts = candidate.split(",", 2);
            try {
                if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // not a signature of ours: try the next one
            }
        }
        return false;
    }

    /** Goes down: connections are refused from now on. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
