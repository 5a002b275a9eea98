package io.leadqualifier.system;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Work that runs on a schedule once per period across every instance sharing the database (the SLA sweep,
 * retention, webhook delivery). {@link ClusteredJobs} runs each on Quartz; a run is never concurrent with
 * another run of the same job, on this instance or another.
 */
public interface ClusteredJob {

    /** The job's name in the schedule, the same on every instance. */
    String identity();

    /** The period between two runs; empty ({@code off}) to leave it unscheduled. */
    Optional<Duration> every();

    /** How long after the schedule is set the first run comes. */
    default Duration firstRunAfter() {
        return Duration.ZERO;
    }

    void run();

    /** Reads a period as the settings write it: a duration ({@code 1m}, {@code PT30S}) or {@code off}. */
    static Optional<Duration> period(String setting) {
        String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("off") || value.equals("disabled")) {
            return Optional.empty();
        }
        return Optional.of(DurationConverter.parseDuration(value));
    }
}
