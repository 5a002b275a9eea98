package io.leadqualifier.lifecycle.state;

import java.time.Instant;

/**
 * An event of the lifecycle's chain: sales feedback, or what the sweep did.
 *
 * @param seq       its place in the lifecycle chain
 * @param eventId   the sender's id (a repeat with the same id is the same event); the sweep's are generated
 * @param reason    a code from the policy's sales reasons (REJECTED, LOST), or the escalation target
 * @param actor     who sent it: the user or token subject, or {@code sla sweep}
 */
public record LifecycleEvent(long seq, String eventId, String leadId, EventType type, Instant at, String reason, String note,
        String actor, String handoffId, Instant recordedAt) {
}
