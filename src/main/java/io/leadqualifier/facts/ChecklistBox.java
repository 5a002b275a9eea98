package io.leadqualifier.facts;

/** The six qualification boxes: company fit, the four BANT checks, and buying intent. */
public enum ChecklistBox {
    ICP_FIT, NEED, BUDGET, AUTHORITY, TIMING, INTENT
}
