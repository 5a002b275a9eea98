/**
 * Bulk traffic through RabbitMQ, off by default ({@code lead-qualifier.broker.enabled}): qualify requests consumed from
 * a queue by competing consumers and recorded exactly as over HTTP (the message id is the idempotency key, the message
 * acknowledged once its decision is committed, a malformed or invalid one dead-lettered with its problem), and the
 * decisions and lifecycle events published to a topic exchange from an outbox written in the change's transaction.
 * Imports {@code qualification}, {@code decision}, {@code audit.trail} (as a listener of the group writer),
 * {@code webhook} and {@code webhook.outbox} (as a relay of the lifecycle's events), {@code system}. Nothing imports it.
 */
package io.leadqualifier.broker;
