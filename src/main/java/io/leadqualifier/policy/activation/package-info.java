/** The serving policy and how it changes: one candidate pipeline (compile, check, record, swap) for start-up, file watch, upload and rollback; warm-up after activation; readiness. Imports the other {@code policy} packages and {@code system}. */
package io.leadqualifier.policy.activation;
