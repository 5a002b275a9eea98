package io.leadqualifier.lifecycle.state;

/** What happened to a lead: sales feedback, or the sweep enforcing the SLA. */
public enum EventType {
    CONTACTED, ACCEPTED, REJECTED, MEETING_HELD, WON, LOST,
    /** The sweep found the hand-off past respondBy without a contact. */
    SLA_BREACHED,
    /** The breach was escalated to the SLA row's escalateTo. */
    ESCALATED,
    /** The sweep sent the lead back to nurture: past recycleAt without progress. */
    RECYCLED;

    /** Sent by sales (through a CRM), as opposed to written by the sweep. */
    public boolean isSalesFeedback() {
        return ordinal() <= LOST.ordinal();
    }
}
