package io.leadqualifier.console;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** The console on a copy of the shipped policy of its own (uploads write into it), folders not watched. */
public class ConsoleProfile extends OwnPolicyCopyProfile {
    public ConsoleProfile() {
        super("console", false);
    }
}
