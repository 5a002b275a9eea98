/**
 * Delivering the outbox: a scheduled worker claims due messages (row locks skipped by other instances, then a lease),
 * checks the receiver's addresses again, signs each message as Standard Webhooks says, sends it to the address
 * checked, and records every attempt with its backoff; the delivery log reads them back. Imports {@code webhook},
 * {@code webhook.subscription} and {@code system}.
 */
package io.leadqualifier.webhook.delivery;
