package io.leadqualifier.system;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock the service reads for "now": when a request was received (the default {@code asOf}), when a
 * decision was made, when retention expires. Rules never read it. Tests replace it to move time on
 * without waiting.
 */
public class ServiceClock {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
