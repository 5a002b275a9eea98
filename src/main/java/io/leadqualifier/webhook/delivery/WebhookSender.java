package io.leadqualifier.webhook.delivery;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.leadqualifier.webhook.WebhookConfig;
import io.leadqualifier.webhook.subscription.EndpointGuard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one message with the Vert.x HTTP client Quarkus already runs. Unlike the JDK client, it connects to an
 * address given with the request ({@link RequestOptions#setServer}) while the Host header, TLS server name and
 * certificate check keep the URL's host: the connection goes to the address the guard checked, never to a second
 * resolution of the name. Redirects are not followed; the body of the answer is not read.
 */
@Singleton
public class WebhookSender {
    private final HttpClient client;
    private final long connectMillis;
    private final long responseMillis;

    WebhookSender(Vertx vertx, WebhookConfig config) {
        this.connectMillis = config.connectTimeout().toMillis();
        this.responseMillis = config.responseTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) connectMillis).setKeepAlive(false)
                .setVerifyHost(true).setForceSni(true).setMaxPoolSize(Math.max(1, config.maxConcurrent())));
    }

    /** What a receiver answered (status, Retry-After), or why there was no answer; and how long it took. */
    public record Answer(Integer status, String retryAfter, String error, long millis) {
    }

    /** POSTs {@code body} to the endpoint's checked address and waits for the answer's status, within the timeouts. */
    public Answer post(EndpointGuard.Endpoint endpoint, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(endpoint.address(), endpoint.port())))
                .setConnectTimeout(connectMillis).setIdleTimeout(responseMillis).setFollowRedirects(false);
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long start = System.nanoTime();
        CompletableFuture<Answer> answer = client.request(options).compose(request -> {
            sent.set(request);
            return request.send(Buffer.buffer(body));
        }).map(response -> {
            Answer received = new Answer(response.statusCode(), response.getHeader("Retry-After"), null, since(start));
            response.request().connection().close();
            return received;
        }).toCompletionStage().toCompletableFuture();
        try {
            // The idle timeout ends a silent receiver; this ends one that trickles its answer forever.
            return answer.get(connectMillis + 2 * responseMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            return new Answer(null, null, "no complete answer within " + (connectMillis + 2 * responseMillis) + " ms", since(start));
        } catch (ExecutionException e) {
            return new Answer(null, null, describe(e.getCause()), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, "interrupted (the service is stopping)", since(start));
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 400 ? message.substring(0, 400) : message;
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
