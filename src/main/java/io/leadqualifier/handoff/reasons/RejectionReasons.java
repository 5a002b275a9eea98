package io.leadqualifier.handoff.reasons;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The reasons sales may give with a {@code REJECTED} or a {@code LOST} event, in the order written. A code is
 * unique within its event; the same code (OTHER) may serve both.
 */
public final class RejectionReasons {
    private static final RejectionReasons NONE = new RejectionReasons(List.of());

    private final List<SalesReason> reasons;

    private RejectionReasons(List<SalesReason> reasons) {
        this.reasons = List.copyOf(reasons);
    }

    /** @throws IllegalArgumentException when a code is listed twice for one event */
    public static RejectionReasons of(List<SalesReason> reasons) {
        Set<String> seen = new HashSet<>();
        for (SalesReason reason : reasons) {
            if (!seen.add(reason.event() + " " + reason.code())) {
                throw new IllegalArgumentException("reason " + reason.code() + " is listed twice for " + reason.event());
            }
        }
        return new RejectionReasons(reasons);
    }

    public static RejectionReasons none() {
        return NONE;
    }

    /** The reason with this code for this event (the code compared upper case). */
    public Optional<SalesReason> find(ReasonEvent event, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return reasons.stream().filter(reason -> reason.event() == event && reason.code().equals(wanted)).findFirst();
    }

    public List<SalesReason> forEvent(ReasonEvent event) {
        return reasons.stream().filter(reason -> reason.event() == event).toList();
    }

    public List<SalesReason> all() {
        return reasons;
    }

    public boolean isEmpty() {
        return reasons.isEmpty();
    }

    /**
     * Until when a rejection given for {@code code} at {@code rejectedAt} holds the lead back from MQL without new
     * intent: the reason's hold; null when it does not hold (no hold, or a code this list does not know).
     */
    public Instant heldUntil(Instant rejectedAt, String code) {
        if (rejectedAt == null || code == null) {
            return null;
        }
        int days = find(ReasonEvent.REJECTED, code).map(SalesReason::holdDays).orElse(0);
        return days == 0 ? null : rejectedAt.plus(Duration.ofDays(days));
    }

    @Override
    public String toString() {
        return reasons.size() + " reasons";
    }
}
