package io.leadqualifier.facts;

import java.time.Instant;

/** The hand-off deadline: who must respond by when, who is alerted when they do not, when the lead is recycled. */
public record Sla(String owner, Instant respondBy, String escalateTo, Instant recycleAt) {
}
