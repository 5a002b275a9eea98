package io.leadqualifier.simulation;

import io.leadqualifier.policy.OwnPolicyCopyProfile;

/** A service of its own for simulations: a copy of the shipped policy, changed through the API only, and a database of its own. */
public class SimulationProfile extends OwnPolicyCopyProfile {
    public SimulationProfile() {
        super("simulation", false);
    }
}
