package io.leadqualifier.facts;

/** The GDPR basis on which the contact's data is processed. */
public enum LegalBasis {
    CONSENT, LEGITIMATE_INTEREST, NONE
}
