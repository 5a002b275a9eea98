package io.leadqualifier.broker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How long a message whose decision could not be stored waits before it goes back to the queue: doubling from
 * {@code retry-first} to {@code retry-max} while the store keeps failing, back to nothing once a decision is stored.
 * The message stays unacknowledged meanwhile, so it also holds back the instance's prefetch: an instance whose store
 * is down takes no new work.
 */
@ApplicationScoped
public class StoreBackoff {
    private final BrokerConfig config;
    private final AtomicInteger failures = new AtomicInteger();

    StoreBackoff(BrokerConfig config) {
        this.config = config;
    }

    /** Records a failure; returns the wait before its message is given back. */
    public Duration failed() {
        int shift = Math.min(failures.getAndIncrement(), 20);
        Duration wait = config.retryFirst().multipliedBy(1L << shift);
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    public void stored() {
        failures.set(0);
    }
}
