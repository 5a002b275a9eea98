package io.leadqualifier.facts;

/** What sales did or heard with this lead. */
public class SalesSignals {
    private boolean qualificationCallHeld;
    private boolean meetingBooked;
    private boolean proposalRequested;
    private boolean negotiationStarted;

    public boolean isQualificationCallHeld() { return qualificationCallHeld; }
    public void setQualificationCallHeld(boolean qualificationCallHeld) { this.qualificationCallHeld = qualificationCallHeld; }
    public boolean isMeetingBooked() { return meetingBooked; }
    public void setMeetingBooked(boolean meetingBooked) { this.meetingBooked = meetingBooked; }
    public boolean isProposalRequested() { return proposalRequested; }
    public void setProposalRequested(boolean proposalRequested) { this.proposalRequested = proposalRequested; }
    public boolean isNegotiationStarted() { return negotiationStarted; }
    public void setNegotiationStarted(boolean negotiationStarted) { this.negotiationStarted = negotiationStarted; }

    /** A concrete buying project: the lead asked for a proposal or negotiation has started. */
    public boolean isBuyingProject() { return proposalRequested || negotiationStarted; }
}
