/** The checks a compiled candidate must pass before it serves ({@link io.leadqualifier.policy.check.PolicyCheck}), lint among them; the evaluation checks (scenarios, sample leads) plug in from {@code evaluation.check}. Imports {@code policy.source}, {@code policy.compile}, {@code facts}, {@code handoff.roster}. */
package io.leadqualifier.policy.check;
