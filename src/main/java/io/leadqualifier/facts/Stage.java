package io.leadqualifier.facts;

/** The lifecycle stage a decision assigns. */
public enum Stage {
    LEAD, MQL, SQL, OPPORTUNITY, DISQUALIFIED
}
