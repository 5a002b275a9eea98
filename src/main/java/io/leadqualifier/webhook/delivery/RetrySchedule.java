package io.leadqualifier.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed message is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the attempts that failed
 * (the Standard Webhooks schedule), each ±20 % at random so that a receiver coming back is not hit by every retry at
 * once; later if the receiver's {@code Retry-After} asks for longer (up to a day). Eight attempts in all, about
 * 28 hours: then the message has failed.
 */
public final class RetrySchedule {
    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    /** A receiver asking for more than this is given this: the message must fail some day. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    private static final double JITTER = 0.2;

    private RetrySchedule() {
    }

    /**
     * The next attempt after attempt number {@code attempt} (1 is the first) failed at {@code now}, or empty when it
     * was the last. {@code random} gives numbers in [0, 1).
     */
    public static Optional<Instant> next(int attempt, Instant now, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration step = DELAYS.get(attempt - 1);
        Duration delay = Duration.ofMillis(Math.round(step.toMillis() * (1 - JITTER + 2 * JITTER * random.getAsDouble())));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get().compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter.get();
        }
        return Optional.of(now.plus(delay));
    }

    /** A {@code Retry-After} header: seconds, or an HTTP date (taken from {@code now}); empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
