package io.leadqualifier.simulation.run;

import java.util.Map;
import java.util.function.Consumer;

/** The leads a simulation evaluates, given grouped by lead and in time order within a lead. */
public interface Population {

    /** How many members there are, for the progress; null when not known before reading them. */
    Long size();

    /** Gives every member to {@code sink}, one at a time: a population is streamed, never held. */
    void read(Consumer<Member> sink);

    /** Where the members come from, as the report shows it. */
    Map<String, Object> description();

    /** Lets go of what the population holds (an uploaded file), once the simulation is over. */
    default void close() {
    }
}
