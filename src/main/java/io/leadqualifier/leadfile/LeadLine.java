package io.leadqualifier.leadfile;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.system.Problem;

/** One line of a lead file: a lead to qualify, or the problem that stopped it. {@code line} counts from 1. */
public sealed interface LeadLine {
    long line();

    /**
     * A valid request.
     *
     * @param idempotencyKey the line's key (NDJSON {@code idempotencyKey}, or the mapping's column), or null
     * @param converted      the known outcome when the file has a label (true: converted), else null
     */
    record Lead(long line, QualifyRequest request, String idempotencyKey, Boolean converted) implements LeadLine {
    }

    /** A line that cannot be qualified, with the problem+json body a single request would have got. */
    record Refused(long line, Problem problem) implements LeadLine {
    }
}
