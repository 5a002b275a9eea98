package io.leadqualifier.handoff.reasons;

/** The sales events that carry a reason from the list. */
public enum ReasonEvent {
    /** Sales send the lead back to marketing (the reversible hand-off). */
    REJECTED,
    /** The lead is closed, lost. */
    LOST
}
