package io.leadqualifier.lifecycle;

/** Where a lead is in the marketing ↔ sales contract. */
public enum LeadStatus {
    /** With marketing: nurtured, or routed nowhere; no open hand-off. */
    MARKETING,
    /** Handed to a sales queue; the response clock runs. */
    HANDED_OFF,
    /** Sales contacted it: the response clock stopped; recycled at recycleAt unless accepted. */
    CONTACTED,
    /** Sales accepted it (or held a meeting): theirs until won, lost or rejected. */
    ACCEPTED,
    /** Closed: a deal was won. */
    WON,
    /** Closed: lost. */
    LOST;

    public boolean isClosed() {
        return this == WON || this == LOST;
    }

    /** Sales own it: a hand-off is open. */
    public boolean isWithSales() {
        return this == HANDED_OFF || this == CONTACTED || this == ACCEPTED;
    }
}
