/**
 * Runs one compiled policy on one lead: facts in, rules fired (bounded), the immutable
 * {@link io.leadqualifier.evaluation.Ledger} out, with its fired-rule trace and a sentence for each line
 * ({@code ReasonText}). No state is shared between evaluations.
 */
package io.leadqualifier.evaluation;
