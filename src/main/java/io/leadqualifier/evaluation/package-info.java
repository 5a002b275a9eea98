/**
 * Runs one compiled policy on one lead: facts in, rules fired (bounded), the {@link io.leadqualifier.facts.Outcome}
 * with its fired-rule trace and reasons out. No state is shared between evaluations.
 */
package io.leadqualifier.evaluation;
