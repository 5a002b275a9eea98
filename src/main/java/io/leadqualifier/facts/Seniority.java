package io.leadqualifier.facts;

/** How senior the contact is in their organisation. */
public enum Seniority {
    C_LEVEL, VP, DIRECTOR, MANAGER, INDIVIDUAL, STUDENT, UNKNOWN
}
