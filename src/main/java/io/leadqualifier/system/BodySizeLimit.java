package io.leadqualifier.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers a declared oversized body with a 413 problem before reading it. (The HTTP layer's own limit,
 * the same number, still stops a chunked body that does not declare its length.)
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"urn:lead-qualifier:problem:payload-too-large\",\"title\":\"Payload Too Large\","
                                + "\"status\":413,\"detail\":\"The body is " + length.trim() + " bytes; at most " + maxBytes
                                + " are accepted\"}");
                return;
            }
            context.next();
        }, 100);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
