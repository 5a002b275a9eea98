/**
 * Webhook receivers: subscriptions (URL, event types, generated secret shown once), the URL rules checked when a
 * subscription is made and again before every delivery ({@link io.leadqualifier.webhook.subscription.EndpointGuard}),
 * and the name resolution they rely on. Imports {@code webhook} and {@code system}.
 */
package io.leadqualifier.webhook.subscription;
