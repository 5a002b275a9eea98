package io.leadqualifier.policy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.leadqualifier.system.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A service with a fresh copy of the shipped policy under target/test-policies/NAME and a database of its own ({@link TestDatabase}), so a test class can change the policy and count decisions without meeting other classes.
 */
public abstract class OwnPolicyCopyProfile implements QuarkusTestProfile {
    private final String name;
    private final boolean watch;

    protected OwnPolicyCopyProfile(String name, boolean watch) {
        this.name = name;
        this.watch = watch;
    }

    /** Where the profile named {@code name} keeps its policy copy. */
    public static Path directory(String name) {
        return Path.of("target/test-policies", name).toAbsolutePath();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(directory(name));
        Map<String, String> config = new HashMap<>(Map.of("lead-qualifier.policy.directory", directory(name).toString(),
                "lead-qualifier.policy.watch", Boolean.toString(watch)));
        config.putAll(TestDatabase.fresh(name));
        config.putAll(extraConfig());
        return config;
    }

    protected Map<String, String> extraConfig() {
        return Map.of();
    }
}
