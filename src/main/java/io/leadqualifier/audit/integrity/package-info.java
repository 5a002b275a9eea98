/** Keeping the trail honest: chain verification, GDPR erasure, retention purges and their records. Imports {@code audit.trail}, {@code decision}, {@code system}. */
package io.leadqualifier.audit.integrity;
