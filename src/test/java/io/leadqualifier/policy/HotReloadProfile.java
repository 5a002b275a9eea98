package io.leadqualifier.policy;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A service watching its own copy of the shipped policy under target/, with a short debounce. */
public class HotReloadProfile implements QuarkusTestProfile {
    static final Path DIRECTORY = Path.of("target/test-policies/hot-reload").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(DIRECTORY);
        return Map.of("lead-qualifier.policy.directory", DIRECTORY.toString(),
                "lead-qualifier.policy.watch-debounce", "200ms",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:hot-reload;DB_CLOSE_DELAY=-1");
    }
}
