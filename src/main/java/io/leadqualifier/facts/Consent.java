package io.leadqualifier.facts;

/** The contact's marketing consent and objections. */
public class Consent {
    private boolean optedOut;
    private boolean doNotEmail;
    private boolean doNotCall;
    private LegalBasis legalBasis;

    public boolean isOptedOut() { return optedOut; }
    public void setOptedOut(boolean optedOut) { this.optedOut = optedOut; }
    public boolean isDoNotEmail() { return doNotEmail; }
    public void setDoNotEmail(boolean doNotEmail) { this.doNotEmail = doNotEmail; }

    /**
     * Opted out, or asked not to be emailed: no marketing. One property, so that a table can test both in one
     * condition the engine compiles to bytecode; {@code (consent.optedOut || consent.doNotEmail) == true} is run by
     * MVEL's interpreter on every lead (Drools 10 does not compile a parenthesised boolean compared to a value).
     */
    public boolean isOptedOutOrDoNotEmail() { return optedOut || doNotEmail; }
    public boolean isDoNotCall() { return doNotCall; }
    public void setDoNotCall(boolean doNotCall) { this.doNotCall = doNotCall; }
    public LegalBasis getLegalBasis() { return legalBasis; }
    public void setLegalBasis(LegalBasis legalBasis) { this.legalBasis = legalBasis; }
}
