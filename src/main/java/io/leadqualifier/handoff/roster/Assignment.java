package io.leadqualifier.handoff.roster;

/**
 * Who receives a hand-off.
 *
 * @param queue   the queue it was handed to
 * @param handOff its number in the queue (1 for the first), which alone decides the member under a given roster
 * @param member  the member who receives it
 */
public record Assignment(String queue, long handOff, String member) {
}
