package io.leadqualifier.facts;

/** Who the lead is handed to. */
public enum Route {
    NONE, NURTURE, SDR, AE
}
