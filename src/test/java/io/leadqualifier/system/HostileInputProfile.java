package io.leadqualifier.system;

import java.nio.file.Path;
import java.util.Map;

import io.leadqualifier.policy.PolicyWorkspace;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A service on its own copy of the shipped policy, for the hostile-input corpus. */
public class HostileInputProfile implements QuarkusTestProfile {
    static final Path DIRECTORY = Path.of("target/test-policies/hostile").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(DIRECTORY);
        return Map.of("lead-qualifier.policy.directory", DIRECTORY.toString(), "lead-qualifier.policy.watch", "false",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1");
    }
}
