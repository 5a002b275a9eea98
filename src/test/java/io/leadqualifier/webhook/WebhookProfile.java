package io.leadqualifier.webhook;

import java.util.Map;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A database of its own, and a worker that polls every second (the scheduler's shortest period); tests start a pass themselves when they cannot wait. */
public class WebhookProfile extends OwnPolicyCopyProfile {

    public WebhookProfile() {
        super("webhooks", false);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("lead-qualifier.webhooks.poll", "1s", "quarkus.log.category.\"io.leadqualifier.webhook\".level", "DEBUG");
    }
}
