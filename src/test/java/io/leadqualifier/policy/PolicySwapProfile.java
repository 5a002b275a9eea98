package io.leadqualifier.policy;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Like {@link PolicyApiProfile}, on a copy of its own, so the swaps do not meet the API tests' changes. */
public class PolicySwapProfile implements QuarkusTestProfile {
    static final Path DIRECTORY = Path.of("target/test-policies/swap").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(DIRECTORY);
        return Map.of("lead-qualifier.policy.directory", DIRECTORY.toString(), "lead-qualifier.policy.watch", "false",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:policy-swap;DB_CLOSE_DELAY=-1");
    }
}
