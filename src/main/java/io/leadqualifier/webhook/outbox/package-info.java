/**
 * The outbox other features write events to, inside their own transaction, so that an event is stored if and only
 * if the change that caused it is: {@link io.leadqualifier.webhook.outbox.WebhookOutbox}. Other ways out (the message broker) implement
 * {@link io.leadqualifier.webhook.outbox.EventRelay} and get the same events in the same transaction. Imports {@code webhook},
 * {@code webhook.subscription} and {@code system}.
 */
package io.leadqualifier.webhook.outbox;
