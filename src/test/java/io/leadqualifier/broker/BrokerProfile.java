package io.leadqualifier.broker;

import java.util.Map;
import java.util.UUID;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/**
 * The broker on, with exchanges and queues of this run's own ({@code lq-test-<random>.…}, deleted afterwards by
 * {@link TestBroker}), so runs and classes sharing one RabbitMQ never meet; store failures retried within a second.
 */
public class BrokerProfile extends OwnPolicyCopyProfile {

    public BrokerProfile() {
        super("broker", false);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("lead-qualifier.broker.enabled", "true",
                "lead-qualifier.broker.name-prefix", "lq-test-" + UUID.randomUUID().toString().substring(0, 8),
                "lead-qualifier.broker.retry-first", "100ms",
                "lead-qualifier.broker.retry-max", "500ms",
                // gone with the service's consumer; TestBroker deletes the rest
                "mp.messaging.incoming.qualify-requests.queue.auto-delete", "true");
    }
}
