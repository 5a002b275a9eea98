package io.leadqualifier.shadow;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A service with its own policy copy and database: the shadow tests change the live policy and count decisions. */
public class ShadowProfile extends OwnPolicyCopyProfile {
    public ShadowProfile() {
        super("shadow", false);
    }
}
