package io.leadqualifier.handoff.roster;

/**
 * One member of a queue.
 *
 * @param queue  the queue, as SLA rows name it in their owner column ({@code SDR}); stored upper case
 * @param member who receives the hand-off, as the CRM knows them ({@code camille.durand})
 * @param weight their share of the queue's hand-offs, from 1 to {@value #MAX_WEIGHT}: weights 3 and 1 share 3:1
 * @param active whether they receive hand-offs now (an inactive member keeps their row and gets none)
 */
public record RosterMember(String queue, String member, int weight, boolean active) {
    /** The largest weight: a queue's round robin repeats every sum-of-weights hand-offs, kept small this way. */
    public static final int MAX_WEIGHT = 1000;

    public RosterMember {
        if (queue == null || queue.isBlank() || member == null || member.isBlank()) {
            throw new IllegalArgumentException("a roster member needs a queue and a name");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight " + weight + " is not a whole number from 1 to " + MAX_WEIGHT);
        }
        queue = Roster.queueKey(queue);
        member = member.strip();
    }
}
