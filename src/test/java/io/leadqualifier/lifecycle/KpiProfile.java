package io.leadqualifier.lifecycle;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A database of its own, so that the funnel counts only the leads its test makes. */
public class KpiProfile extends OwnPolicyCopyProfile {
    public KpiProfile() {
        super("kpis", false);
    }
}
