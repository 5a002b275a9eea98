package io.leadqualifier.leadfile;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** A lead file or a mapping that cannot be read at all (as opposed to one bad line, which is a {@link LeadLine.Refused}). */
public class LeadFileException extends ProblemException {
    public LeadFileException(String message) {
        super(message);
    }

    public LeadFileException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-lead-file", "Invalid lead file", 400, getMessage());
    }
}
