package io.leadqualifier.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * All activities of one type for one lead, relative to the evaluation instant. One tally is inserted
 * per distinct type, so an engagement rule matches once per type however many activities there are.
 */
public class ActivityTally {
    private final String type;
    private final Instant asOf;
    /** Activity instants, newest first. */
    private final Instant[] instants;

    public ActivityTally(String type, Instant asOf, Instant[] instantsNewestFirst) {
        this.type = type;
        this.asOf = asOf;
        this.instants = instantsNewestFirst;
    }

    public String getType() { return type; }
    public Instant getAsOf() { return asOf; }
    public int getTotal() { return instants.length; }

    /**
     * The activities inside a window of {@code days} ending at asOf: {@code asOf - days < at <= asOf}.
     * An activity exactly at the window edge is out, and so is one after asOf. A null window counts
     * every activity up to asOf.
     */
    public ActivityWindow within(Integer days) {
        Instant from = days == null ? Instant.MIN : asOf.minus(Duration.ofDays(days));
        int count = 0;
        Instant latest = null;
        for (Instant at : instants) {
            if (at.isAfter(asOf)) {
                continue;
            }
            if (!at.isAfter(from)) {
                break;
            }
            if (latest == null) {
                latest = at;
            }
            count++;
        }
        return new ActivityWindow(type, days, count, latest, instants.length - count);
    }

    @Override
    public String toString() {
        return "ActivityTally[" + type + " × " + instants.length + "]";
    }

    /** Newest-first copy of the given instants, the order {@link #within(Integer)} relies on. */
    public static Instant[] newestFirst(Instant[] instants) {
        Instant[] copy = instants.clone();
        Arrays.sort(copy, java.util.Comparator.reverseOrder());
        return copy;
    }
}
