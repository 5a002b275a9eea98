/**
 * Writing the trail and reading a decision back: the group writer ({@link io.leadqualifier.audit.trail.DecisionWriter})
 * appends decisions to the hash chain ({@link io.leadqualifier.audit.trail.TrailAppender},
 * {@link io.leadqualifier.audit.trail.ChainLink}) as compact rows ({@link io.leadqualifier.audit.trail.DecisionBody});
 * the rules that fired are indexed behind it ({@link io.leadqualifier.audit.trail.RuleIndex}).
 * Imports {@code decision}, {@code facts}, {@code system}.
 */
package io.leadqualifier.audit.trail;
