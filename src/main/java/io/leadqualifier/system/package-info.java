/** Cross-cutting plumbing: RFC 9457 problem responses, request limits, health checks. */
package io.leadqualifier.system;
