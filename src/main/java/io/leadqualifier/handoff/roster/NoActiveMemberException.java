package io.leadqualifier.handoff.roster;

/** A hand-off to a queue that has no active member (or that the roster does not list): nobody can receive it. */
public class NoActiveMemberException extends IllegalStateException {
    private final String queue;

    public NoActiveMemberException(String queue, boolean listed) {
        super(listed ? "queue " + queue + " has no active member: nobody can receive its hand-offs"
                : "queue " + queue + " is not in the roster: nobody can receive its hand-offs");
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }
}
