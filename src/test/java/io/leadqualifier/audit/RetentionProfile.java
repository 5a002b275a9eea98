package io.leadqualifier.audit;

import java.util.Map;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** Decisions kept 5 seconds, the retention job every second: a year of retention, fast-forwarded. */
public class RetentionProfile extends OwnPolicyCopyProfile {

    public RetentionProfile() {
        super("retention", false);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("lead-qualifier.audit.retention.period", "PT5S", "lead-qualifier.audit.retention.check-every", "1s");
    }
}
