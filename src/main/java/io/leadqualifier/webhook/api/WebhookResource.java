package io.leadqualifier.webhook.api;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadqualifier.security.Roles;
import io.leadqualifier.webhook.WebhookProblem;
import io.leadqualifier.webhook.delivery.DeliveryLog;
import io.leadqualifier.webhook.delivery.DeliveryStatus;
import io.leadqualifier.webhook.outbox.WebhookOutbox;
import io.leadqualifier.webhook.subscription.Subscriptions;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code /api/v1/webhooks}: who receives which events, and what became of every message sent to them. */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {
    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final WebhookOutbox outbox;
    private final SecurityIdentity identity;

    WebhookResource(Subscriptions subscriptions, DeliveryLog deliveries, WebhookOutbox outbox, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.identity = identity;
    }

    /** The message id of a test ping: the webhook-id its receiver sees. */
    public record TestMessage(String messageId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a receiver to event types; the answer shows the signing secret, once")
    @APIResponse(responseCode = "201", description = "Subscribed: the subscription with its secret (never shown again)",
            headers = @Header(name = "Location", description = "The subscription", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedSubscription.class)))
    public Response subscribe(@NotNull(message = "a JSON body is required") @Valid SubscriptionRequest request, @Context UriInfo uri) {
        Subscriptions.Created created = subscriptions.subscribe(request.url(), request.eventTypes(), identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id()).build())
                .entity(CreatedSubscription.of(created)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Every subscription (deleted ones excepted), oldest first, without secrets")
    public List<SubscriptionView> list() {
        return subscriptions.list().stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription, without its secret; DISABLED with the reason once its receiver answered 410 Gone")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.find(id).map(SubscriptionView::of).orElseThrow(() -> WebhookProblem.notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription: its secret is wiped and its pending messages are cancelled")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id)) {
            throw WebhookProblem.notFound(id);
        }
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's messages, newest first, each with every attempt: time, HTTP status or error, duration, next attempt")
    public DeliveryLog.Page deliveries(@PathParam("id") String id,
            @Parameter(description = "PENDING, DELIVERED, FAILED or CANCELLED") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        DeliveryStatus wanted = status(status);
        if (page < 0 || page > 1_000_000) {
            throw WebhookProblem.invalid("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > 100) {
            throw WebhookProblem.invalid("size", "must be between 1 and 100");
        }
        subscriptions.find(id).orElseThrow(() -> WebhookProblem.notFound(id));
        return deliveries.list(id, wanted, page, size);
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "pingWebhook", summary = "Send the subscription a webhook.test message (delivered, signed and retried like any other)")
    @APIResponse(responseCode = "202", description = "Enqueued: the message id is the webhook-id the receiver will see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestMessage.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled: it receives nothing")
    public Response ping(@PathParam("id") String id) {
        return Response.accepted(new TestMessage(outbox.ping(id))).build();
    }

    private static DeliveryStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebhookProblem.invalid("status", "must be one of " + List.of(DeliveryStatus.values()));
        }
    }
}
