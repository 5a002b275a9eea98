/**
 * The lifecycle's HTTP resources: {@code /api/v1/leads/{leadId}} (lifecycle, events, decisions, erasure),
 * {@code /api/v1/sla} (sweep, open hand-offs, breaches), {@code /api/v1/audit/lifecycle/verify}. Thin: they
 * check, call one service, answer.
 */
package io.leadqualifier.lifecycle.api;
