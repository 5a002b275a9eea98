/**
 * The outbox other features write events to, inside their own transaction, so that an event is stored if and only
 * if the change that caused it is: {@link io.leadqualifier.webhook.outbox.WebhookOutbox}. Imports {@code webhook},
 * {@code webhook.subscription} and {@code system}.
 */
package io.leadqualifier.webhook.outbox;
