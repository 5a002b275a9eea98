/**
 * The policy: reads {@code rules/*.drl} and {@code decision-tables/*.xlsx}, versions them by content hash,
 * compiles them at runtime into an immutable {@link io.leadqualifier.policy.CompiledPolicy}, holds the
 * active one and stores every version ever served. The only place that touches the KIE builder API.
 */
package io.leadqualifier.policy;
