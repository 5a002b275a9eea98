/** The reasons sales give, from a list RevOps keep: why a hand-off was rejected, why a lead was lost. Imports nothing of ours. */
package io.leadqualifier.handoff.reasons;
