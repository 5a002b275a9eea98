/**
 * A policy to compare with the serving one, compiled and checked but never recorded or activated: uploaded files
 * over the serving policy's files, or a stored version. A candidate that fails its scenarios or lint is still
 * given (its report says so); one that does not compile is refused with the compile problems. What simulations
 * and shadows evaluate leads under. Imports {@code policy.activation}, {@code policy.archive}, {@code policy.compile},
 * {@code policy.source}.
 */
package io.leadqualifier.policy.candidate;
