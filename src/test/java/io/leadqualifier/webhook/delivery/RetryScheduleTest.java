package io.leadqualifier.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each ±20 %; a longer Retry-After wins; eight attempts in all. */
class RetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private static Duration delay(int attempt, double random) {
        return Duration.between(NOW, RetrySchedule.next(attempt, NOW, Optional.empty(), () -> random).orElseThrow());
    }

    @Test
    void eachFailedAttemptWaitsItsStepWithinTwentyPercent() {
        for (int attempt = 1; attempt <= 7; attempt++) {
            Duration step = STEPS.get(attempt - 1);
            assertThat(delay(attempt, 0.5)).as("attempt %d, no jitter", attempt).isEqualTo(step);
            assertThat(delay(attempt, 0.0)).as("attempt %d, earliest", attempt).isEqualTo(Duration.ofMillis(step.toMillis() * 8 / 10));
            assertThat(delay(attempt, 0.999_999)).as("attempt %d, latest", attempt)
                    .isLessThanOrEqualTo(Duration.ofMillis(step.toMillis() * 12 / 10)).isGreaterThan(step);
        }
    }

    @Test
    void theEighthAttemptIsTheLast() {
        assertThat(RetrySchedule.MAX_ATTEMPTS).isEqualTo(8);
        assertThat(RetrySchedule.next(8, NOW, Optional.empty(), () -> 0.5)).isEmpty();
        assertThat(RetrySchedule.next(8, NOW, Optional.of(Duration.ofSeconds(10)), () -> 0.5)).isEmpty();
    }

    @Test
    void aLongerRetryAfterIsHonouredAndAShorterOneIsNot() {
        assertThat(RetrySchedule.next(1, NOW, Optional.of(Duration.ofHours(1)), () -> 0.5)).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(RetrySchedule.next(2, NOW, Optional.of(Duration.ofSeconds(1)), () -> 0.5)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(RetrySchedule.next(1, NOW, Optional.of(Duration.ofDays(30)), () -> 0.5)).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetrySchedule.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetrySchedule.retryAfter("Sun, 22 Nov 2026 12:30:00 GMT", NOW)).contains(Duration.ofMinutes(150));
        assertThat(RetrySchedule.retryAfter("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetrySchedule.retryAfter("soon", NOW)).isEmpty();
        assertThat(RetrySchedule.retryAfter("-5", NOW)).isEmpty();
        assertThat(RetrySchedule.retryAfter(null, NOW)).isEmpty();
    }
}
