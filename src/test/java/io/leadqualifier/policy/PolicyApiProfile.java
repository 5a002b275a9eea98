package io.leadqualifier.policy;

import java.nio.file.Path;

/** Policy changes come through the API only: the folders are not watched. */
public class PolicyApiProfile extends OwnPolicyCopyProfile {
    static final Path DIRECTORY = directory("api");

    public PolicyApiProfile() {
        super("api", false);
    }
}
