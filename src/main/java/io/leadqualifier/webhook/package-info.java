/**
 * Signed webhooks that are never lost, by job: this root package holds what other features use to emit events
 * ({@link io.leadqualifier.webhook.WebhookEvent}, {@link io.leadqualifier.webhook.WebhookEventType}) and what the
 * sub-packages share (settings, problems, JDBC helpers); {@code subscription} (receivers, secrets, the URL rules)
 * ← {@code outbox} (events written in the caller's transaction) ← {@code delivery} (the worker: claim, sign,
 * send, retry, record) ← {@code api} (the HTTP face). Each imports only those before it. The root imports
 * {@code system} only; only {@code api} imports {@code security}. No other feature is imported: features import
 * {@code webhook.outbox} to emit events.
 */
package io.leadqualifier.webhook;
