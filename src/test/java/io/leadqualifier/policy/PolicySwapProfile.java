package io.leadqualifier.policy;

/** Like {@link PolicyApiProfile}, on a copy of its own, so the swaps do not meet the API tests' changes. */
public class PolicySwapProfile extends OwnPolicyCopyProfile {

    public PolicySwapProfile() {
        super("swap", false);
    }
}
