package io.leadqualifier.handoff.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The queues and their members, in the order written. A queue's hand-offs go round its active members weighted by
 * capacity, with nginx's smooth weighted round robin: each turn every member gains its weight, the member with the
 * most (the first written on a tie) is picked and loses the sum of the weights. Weights 3 and 1 give A A B A, and
 * weights 5, 1, 1 give A A B A C A A rather than five A in a row. The sequence repeats every sum-of-weights
 * hand-offs, so the member of the n-th hand-off depends on n alone: recorded with the policy version, it replays
 * identically. Inactive members are skipped. Immutable and thread-safe.
 */
public final class Roster {
    private static final Roster EMPTY = new Roster(List.of());

    private final List<RosterMember> members;
    private final Map<String, Queue> queues = new LinkedHashMap<>();

    private Roster(List<RosterMember> members) {
        this.members = List.copyOf(members);
        Map<String, List<RosterMember>> byQueue = new LinkedHashMap<>();
        for (RosterMember member : members) {
            byQueue.computeIfAbsent(member.queue(), q -> new ArrayList<>()).add(member);
        }
        byQueue.forEach((queue, listed) -> queues.put(queue, new Queue(listed)));
    }

    /** @throws IllegalArgumentException when a member is listed twice in one queue (names compared ignoring case) */
    public static Roster of(List<RosterMember> members) {
        Set<String> seen = new HashSet<>();
        for (RosterMember member : members) {
            if (!seen.add(member.queue() + "\n" + member.member().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(member.member() + " is listed twice in queue " + member.queue());
            }
        }
        return new Roster(members);
    }

    public static Roster empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The queues, upper case, in the order written. */
    public Set<String> queues() {
        return queues.keySet();
    }

    public List<RosterMember> members() {
        return members;
    }

    /** A queue's members, active or not; none for a queue the roster does not list. */
    public List<RosterMember> members(String queue) {
        Queue found = queues.get(queueKey(queue));
        return found == null ? List.of() : found.listed;
    }

    public List<RosterMember> activeMembers(String queue) {
        Queue found = queues.get(queueKey(queue));
        return found == null ? List.of() : found.active;
    }

    public boolean hasActiveMember(String queue) {
        return !activeMembers(queue).isEmpty();
    }

    /**
     * The member who receives the queue's {@code handOff}-th hand-off (1 for the first).
     *
     * @throws NoActiveMemberException when the queue has no active member
     * @throws IllegalArgumentException for a hand-off number below 1
     */
    public Assignment assign(String queue, long handOff) {
        if (handOff < 1) {
            throw new IllegalArgumentException("hand-offs are numbered from 1: " + handOff);
        }
        String key = queueKey(queue);
        Queue found = queues.get(key);
        if (found == null || found.active.isEmpty()) {
            throw new NoActiveMemberException(key, found != null);
        }
        int turn = (int) ((handOff - 1) % found.turns.length);
        return new Assignment(key, handOff, found.active.get(found.turns[turn]).member());
    }

    /** Queue names are compared upper case, without surrounding spaces. */
    static String queueKey(String queue) {
        return queue == null ? "" : queue.strip().toUpperCase(Locale.ROOT);
    }

    /** A queue's members, its active ones, and one cycle of the round robin (indexes into the active ones). */
    private static final class Queue {
        final List<RosterMember> listed;
        final List<RosterMember> active;
        final int[] turns;

        Queue(List<RosterMember> listed) {
            this.listed = List.copyOf(listed);
            this.active = listed.stream().filter(RosterMember::active).toList();
            int total = active.stream().mapToInt(RosterMember::weight).sum();
            this.turns = new int[total];
            int[] current = new int[active.size()];
            for (int turn = 0; turn < total; turn++) {
                int best = 0;
                for (int i = 0; i < current.length; i++) {
                    current[i] += active.get(i).weight();
                    if (current[i] > current[best]) {
                        best = i;
                    }
                }
                current[best] -= total;
                turns[turn] = best;
            }
        }
    }

    @Override
    public String toString() {
        return "roster of " + queues.size() + " queues, " + members.size() + " members";
    }
}
