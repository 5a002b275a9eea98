package io.leadqualifier.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The scores once every scoring rule has fired, inserted as a fact so that checklist, stage and
 * temperature rules match on final numbers instead of re-matching on every contribution.
 */
public final class Score {
    private final int fit;
    private final int engagement;
    private final boolean knockedOut;
    private final Set<String> scoredActivityTypes;
    private final Instant latestIntentRequestAt;
    private final Instant asOf;

    public Score(int fit, int engagement, boolean knockedOut, Set<String> scoredActivityTypes,
            Instant latestIntentRequestAt, Instant asOf) {
        this.fit = fit;
        this.engagement = engagement;
        this.knockedOut = knockedOut;
        this.scoredActivityTypes = Set.copyOf(scoredActivityTypes);
        this.latestIntentRequestAt = latestIntentRequestAt;
        this.asOf = asOf;
    }

    public int getFit() { return fit; }
    public int getEngagement() { return engagement; }
    /** {@code max(0, fit + engagement)}. */
    public int getTotal() { return Math.max(0, fit + engagement); }
    public boolean isKnockedOut() { return knockedOut; }
    /** Activity types some engagement rule matched, whether or not their activities were in the window. */
    public Set<String> getScoredActivityTypes() { return scoredActivityTypes; }
    /** The newest in-window activity of a type the engagement table marks as buying intent. */
    public Instant getLatestIntentRequestAt() { return latestIntentRequestAt; }
    /** A buying-intent request (demo, quote, contact) lies inside its scoring window. */
    public boolean isIntentRequest() { return latestIntentRequestAt != null; }

    /** The newest buying-intent request is at most {@code days} days before asOf. */
    public boolean intentRequestWithin(int days) {
        return latestIntentRequestAt != null
                && !latestIntentRequestAt.isBefore(asOf.minus(Duration.ofDays(days)));
    }

    @Override
    public String toString() {
        return "Score[fit=" + fit + ", engagement=" + engagement + ", total=" + getTotal() + "]";
    }
}
