/**
 * {@code /api/v1/webhooks} (admin): subscribe, list, read, delete, ping, and the delivery log. Thin: it parses, calls
 * one service, answers. Imports the other {@code webhook} packages, {@code security} and {@code system}.
 */
package io.leadqualifier.webhook.api;
