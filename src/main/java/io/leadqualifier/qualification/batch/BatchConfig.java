package io.leadqualifier.qualification.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batch qualification. (Its body limit is {@code quarkus.http.limits.max-body-size}: see README.) */
@ConfigMapping(prefix = "lead-qualifier.batch")
public interface BatchConfig {

    /**
     * Threads qualifying the lines of all batches. A recorded line waits for its group's commit, so more threads than
     * cores let the group writer take many lines of one batch in one commit.
     */
    @WithDefault("16")
    int workers();

    /** Lines of one batch being qualified at once, ahead of the answer being written. */
    @WithDefault("64")
    int inFlight();

    /** The most lines one batch may have; the lines after it are not read, and the summary says so. */
    @WithDefault("1000000")
    long maxLines();

    /** A progress line every so many answers, unless the request says otherwise ({@code progressEvery=0}: none). */
    @WithDefault("10000")
    int progressEvery();
}
