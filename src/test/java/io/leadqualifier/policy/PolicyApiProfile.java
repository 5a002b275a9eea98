package io.leadqualifier.policy;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A service on its own copy of the shipped policy, not watching it: changes come through the API only. */
public class PolicyApiProfile implements QuarkusTestProfile {
    static final Path DIRECTORY = Path.of("target/test-policies/api").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(DIRECTORY);
        return Map.of("lead-qualifier.policy.directory", DIRECTORY.toString(), "lead-qualifier.policy.watch", "false",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:policy-api;DB_CLOSE_DELAY=-1");
    }
}
