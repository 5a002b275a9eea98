package io.leadqualifier.system;

import java.nio.file.Path;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A service on its own copy of the shipped policy, for the hostile-input corpus. */
public class HostileInputProfile extends OwnPolicyCopyProfile {
    static final Path DIRECTORY = directory("hostile");

    public HostileInputProfile() {
        super("hostile", false);
    }
}
