/** {@code /api/v1/policy}: the active policy, versions, candidates, validate, upload, rollback, and the diff in business terms. Imports {@code policy.activation}, {@code policy.archive}, {@code policy.candidate} (uploaded parts), {@code policy.source}, {@code security}, {@code system}. */
package io.leadqualifier.policy.api;
