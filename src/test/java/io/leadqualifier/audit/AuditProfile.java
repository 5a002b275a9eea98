package io.leadqualifier.audit;

import java.nio.file.Path;
import java.util.Map;

import io.leadqualifier.policy.PolicyWorkspace;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A service with a database and a policy copy of its own, so searches count exactly what the tests record. */
public class AuditProfile implements QuarkusTestProfile {
    static final Path DIRECTORY = Path.of("target/test-policies/audit").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        PolicyWorkspace.copyOfDefaultAt(DIRECTORY);
        return Map.of("lead-qualifier.policy.directory", DIRECTORY.toString(), "lead-qualifier.policy.watch", "false",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1");
    }
}
