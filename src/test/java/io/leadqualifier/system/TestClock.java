package io.leadqualifier.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time, moved on by a test when it needs time to pass (retention, SLA
 * clocks) instead of waiting for it. Tests that move it put it back.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    /** Makes {@code duration} pass at once. */
    public void advance(Duration duration) {
        ahead = ahead.plus(duration);
    }

    /** Back to real time. */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
