package io.leadqualifier.audit;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A database and a policy copy of its own, so searches count exactly what the tests record. */
public class AuditProfile extends OwnPolicyCopyProfile {

    public AuditProfile() {
        super("audit", false);
    }
}
