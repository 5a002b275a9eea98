package io.leadqualifier.facts;

/**
 * Why something in a decision is what it is: the rule that said so, the policy file it lives in, the
 * points it gave (null when it gave none) and a sentence for a human.
 */
public record Reason(String rule, String source, Integer points, String message) {
}
