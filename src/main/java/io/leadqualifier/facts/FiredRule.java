package io.leadqualifier.facts;

/** One rule activation that fired, in firing order (sequence starts at 1). */
public record FiredRule(int sequence, String name, String source) {
}
