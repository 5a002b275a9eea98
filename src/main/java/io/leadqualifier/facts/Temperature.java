package io.leadqualifier.facts;

/** How urgently a lead should be followed up. */
public enum Temperature {
    COLD, WARM, HOT
}
