/** Compiling a guarded policy at runtime into an immutable {@link io.leadqualifier.policy.compile.CompiledPolicy} with pooled sessions; compile errors mapped back to file, sheet and row. Imports {@code policy.source}, {@code policy.guard}, {@code facts}. */
package io.leadqualifier.policy.compile;
