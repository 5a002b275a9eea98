package io.leadqualifier.lifecycle;

import io.leadqualifier.system.Problem;
import io.leadqualifier.system.ProblemException;

/** A lifecycle request the service refuses, with the problem that says why. */
public final class LifecycleProblem extends ProblemException {
    private final transient Problem problem;

    private LifecycleProblem(String slug, String title, int status, String detail) {
        super(detail);
        this.problem = Problem.of(slug, title, status, detail);
    }

    @Override
    public Problem problem() {
        return problem;
    }

    public static LifecycleProblem unknownLead(String leadId) {
        return new LifecycleProblem("unknown-lead", "Unknown lead", 404,
                "No decision was ever recorded for lead '" + leadId + "': qualify it before sending its events");
    }

    /** The event does not apply to the lead in its current state. */
    public static LifecycleProblem notAllowed(String detail) {
        return new LifecycleProblem("event-not-allowed", "Event not allowed in this state", 409, detail);
    }

    /** The event happened before something already recorded for the lead. */
    public static LifecycleProblem outOfOrder(String detail) {
        return new LifecycleProblem("event-out-of-order", "Event out of order", 409, detail);
    }

    public static LifecycleProblem eventIdReused(String eventId) {
        return new LifecycleProblem("event-id-conflict", "Event id reused", 422,
                "eventId '" + eventId + "' was already used for another event");
    }

    public static LifecycleProblem invalid(String detail) {
        return new LifecycleProblem("invalid-event", "Invalid event", 422, detail);
    }
}
