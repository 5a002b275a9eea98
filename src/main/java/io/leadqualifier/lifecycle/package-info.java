/**
 * The lead lifecycle: each lead's state in the marketing ↔ sales contract, its hand-offs with their SLA
 * clocks, sales feedback, the SLA sweep (breach, escalation, recycle) and the funnel they make. By job:
 * {@code state} (the tables: states, hand-offs, transitions, the event chain), {@code transition} (what a
 * decision or a sales event changes, and the owner a hand-off is assigned to), {@code sla} (the sweep and
 * the open and breached hand-offs), {@code api} (/api/v1/leads/{leadId}, its events, /api/v1/sla).
 * Follows decisions through {@code audit.trail.TrailListener}, so the trail does not depend on it. Imports
 * {@code audit.trail}, {@code decision}, {@code facts}, {@code policy}, {@code handoff}, {@code webhook},
 * {@code security}, {@code system}.
 */
package io.leadqualifier.lifecycle;
