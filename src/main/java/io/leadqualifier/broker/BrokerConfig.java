package io.leadqualifier.broker;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The broker's own settings; the exchanges, queues and connection are the channels' ({@code mp.messaging.*}). */
@ConfigMapping(prefix = "lead-qualifier.broker")
public interface BrokerConfig {
    /** Consume qualify requests and publish decisions and events. Off: no connection is made, nothing is written for it. */
    @WithDefault("false")
    boolean enabled();

    /** Prefix of the exchanges and queues ({@code <prefix>.requests}, {@code <prefix>.qualify}, …). */
    @WithDefault("lead-qualifier")
    String namePrefix();

    /**
     * How often the relay looks for committed decisions and events to publish (it goes on at once while it finds a full
     * batch). The scheduler's shortest period is a second.
     */
    @WithDefault("1s")
    Duration publishEvery();

    /** The most outbox rows the relay publishes per transaction. */
    @WithDefault("256")
    int publishBatch();

    /** First wait before a message whose decision could not be stored is given back to the queue; doubles up to {@link #retryMax()}. */
    @WithDefault("200ms")
    Duration retryFirst();

    /** Longest wait before a message whose decision could not be stored is given back to the queue. */
    @WithDefault("10s")
    Duration retryMax();
}
