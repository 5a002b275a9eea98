package io.leadqualifier.system;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Body limits by path. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is the largest body of
 * all, a batch's; every other path is held to {@code lead-qualifier.http.max-body-size}. A declared oversized body
 * is answered with a 413 problem before it is read; a chunked one is cut at its path's limit while it is read (the
 * limit the HTTP layer's input stream enforces is set per request, after the HTTP layer has set its own).
 */
@ApplicationScoped
public class BodySizeLimit {
    /** The routing-context key the HTTP layer's blocking input stream reads its limit from. */
    private static final String READ_LIMIT_KEY = "io.quarkus.max-request-size";
    private final long maxBytes;
    private final long largeMaxBytes;
    private final List<String> largeBodyPaths;

    BodySizeLimit(@ConfigProperty(name = "lead-qualifier.http.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize largestBodySize,
            @ConfigProperty(name = "lead-qualifier.http.large-body-paths") List<String> largeBodyPaths) {
        this.maxBytes = maxBodySize.asLongValue();
        this.largeMaxBytes = largestBodySize.asLongValue();
        this.largeBodyPaths = List.copyOf(largeBodyPaths);
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            long limit = limitFor(context);
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length, limit)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"urn:lead-qualifier:problem:payload-too-large\",\"title\":\"Payload Too Large\","
                                + "\"status\":413,\"detail\":\"The body is " + length.trim() + " bytes; at most " + limit
                                + " are accepted\"}");
                return;
            }
            context.next();
        }, 100);
        // Priority 1 runs after the HTTP layer's own limit handler, which sets the read limit to the largest body.
        filters.register(context -> {
            context.put(READ_LIMIT_KEY, limitFor(context));
            context.next();
        }, 1);
    }

    private long limitFor(RoutingContext context) {
        return largeBodyPaths.contains(context.normalizedPath()) ? largeMaxBytes : maxBytes;
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
