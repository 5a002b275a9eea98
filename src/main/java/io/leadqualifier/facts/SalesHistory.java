package io.leadqualifier.facts;

import java.time.Duration;
import java.time.Instant;

/**
 * What the lead's lifecycle says at asOf: whether it is with sales, contacted, rejected (and why), recycled,
 * closed. Filled by the service from the lead's recorded events no later than asOf and recorded with the
 * decision's input, so replay sees exactly what the rules saw. A lead with no history has an empty one
 * ({@link #isKnown()} false). Times are compared with asOf, never with the clock.
 */
public final class SalesHistory {
    private final Instant asOf;
    private final String status;
    private final String queue;
    private final Instant handedOffAt;
    private final Instant contactedAt;
    private final Instant lastRejectedAt;
    private final String lastRejectionReason;
    private final Instant heldUntil;
    private final int recycleCount;
    private final Instant lastRecycledAt;
    private final String closedAs;

    /** No history: a lead the service has not seen before. */
    public SalesHistory(Instant asOf) {
        this(asOf, null, null, null, null, null, null, null, 0, null, null);
    }

    /**
     * @param status    MARKETING, HANDED_OFF, CONTACTED, ACCEPTED, WON or LOST; null when unknown
     * @param heldUntil until when a rejection keeps the lead from coming back as MQL without a new request
     */
    public SalesHistory(Instant asOf, String status, String queue, Instant handedOffAt, Instant contactedAt, Instant lastRejectedAt,
            String lastRejectionReason, Instant heldUntil, int recycleCount, Instant lastRecycledAt, String closedAs) {
        this.asOf = asOf;
        this.status = status;
        this.queue = queue;
        this.handedOffAt = handedOffAt;
        this.contactedAt = contactedAt;
        this.lastRejectedAt = lastRejectedAt;
        this.lastRejectionReason = lastRejectionReason;
        this.heldUntil = heldUntil;
        this.recycleCount = recycleCount;
        this.lastRecycledAt = lastRecycledAt;
        this.closedAs = closedAs;
    }

    /** The service has seen this lead before. */
    public boolean isKnown() { return status != null; }
    public String getStatus() { return status; }
    /** The queue of the open hand-off; null when the lead is not with sales. */
    public String getQueue() { return queue; }
    public boolean isHandedOff() { return queue != null; }
    public Instant getHandedOffAt() { return handedOffAt; }
    /** Sales contacted it since the open hand-off. */
    public boolean isContacted() { return contactedAt != null; }
    public Instant getContactedAt() { return contactedAt; }
    public Instant getLastRejectedAt() { return lastRejectedAt; }
    public String getLastRejectionReason() { return lastRejectionReason; }
    public Instant getHeldUntil() { return heldUntil; }
    public int getRecycleCount() { return recycleCount; }
    public Instant getLastRecycledAt() { return lastRecycledAt; }
    /** WON or LOST once sales closed it; null while open. */
    public String getClosedAs() { return closedAs; }
    public boolean isClosed() { return closedAs != null; }

    /** Sales rejected it at most {@code days} days before asOf. */
    public boolean rejectedWithin(int days) {
        return lastRejectedAt != null && !lastRejectedAt.isBefore(asOf.minus(Duration.ofDays(days)));
    }

    /** A rejection still holds it back: asOf is before the hold its reason sets. */
    public boolean isHeld() {
        return heldUntil != null && asOf.isBefore(heldUntil);
    }

    @Override
    public String toString() {
        return "SalesHistory[" + (status == null ? "none" : status) + "]";
    }
}
