package io.leadqualifier.audit;

import java.util.Map;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** Decisions kept 5 seconds: a year of retention, fast-forwarded by the test clock. The job itself waits an hour: the test runs it. */
public class RetentionProfile extends OwnPolicyCopyProfile {

    public RetentionProfile() {
        super("retention", false);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("lead-qualifier.audit.retention.period", "PT5S", "lead-qualifier.audit.retention.check-every", "1h");
    }
}
