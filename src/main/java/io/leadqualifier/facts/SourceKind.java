package io.leadqualifier.facts;

/** Whether the lead came to us or we went to it. */
public enum SourceKind {
    INBOUND, OUTBOUND
}
