package io.leadqualifier.qualification.batch;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.system.Problem;

/**
 * One line of a batch's answer: the input line's number and its decision (as {@code POST /api/v1/qualify} returns
 * it; {@code replayed} when an idempotency key gave back an earlier one) or its problem; or a progress line; or the
 * summary that ends a complete answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLine(Long line, DecisionView decision, Boolean replayed, Problem problem, Counts progress, Summary summary) {

    static BatchLine decided(long line, DecisionView decision, boolean replayed) {
        return new BatchLine(line, decision, replayed ? Boolean.TRUE : null, null, null, null);
    }

    static BatchLine refused(long line, Problem problem) {
        return new BatchLine(line, null, null, problem, null, null);
    }

    static BatchLine progress(Counts counts) {
        return new BatchLine(null, null, null, null, counts, null);
    }

    static BatchLine summary(Summary summary) {
        return new BatchLine(null, null, null, null, null, summary);
    }

    /** Lines answered so far: with a decision (of which replayed), with a problem. */
    public record Counts(long lines, long decisions, long replayed, long problems) {
    }

    /**
     * The last line: the counts, whether decisions were recorded, the policy version of the first decision, and whether
     * every line of the input was answered ({@code complete} is false when the batch stopped at its line limit).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(long lines, long decisions, long replayed, long problems, boolean recorded, String policyVersion,
            boolean complete, String stoppedBecause) {
    }
}
