package io.leadqualifier.audit;

import java.util.Map;

import io.leadqualifier.system.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A file database shared by {@link DecisionRecordedBeforeRestartTest} and
 * {@link DecisionSurvivesRestartTest}. Quarkus restarts between test profiles and runs them in profile
 * name order, so phase 1 records and phase 2, in a new application, reads back.
 */
public class RestartPhase1 implements QuarkusTestProfile {
    static final String DATABASE = "jdbc:h2:file:./target/restart-test/lead-qualifier;DB_CLOSE_ON_EXIT=FALSE";
    static final java.nio.file.Path HANDOFF = java.nio.file.Path.of("target/restart-test/decision-id");

    @Override
    public Map<String, String> getConfigOverrides() {
        // Phase 1 starts from an empty database; phase 2 keeps what phase 1 wrote.
        try (var files = java.nio.file.Files.walk(HANDOFF.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            // nothing to clean on a first run
        }
        Map<String, String> config = new java.util.HashMap<>(TestDatabase.fresh("restart"));
        if (!TestDatabase.isPostgres()) {
            config.put("quarkus.datasource.jdbc.url", DATABASE);
        }
        config.put("lead-qualifier.policy.watch", "false");
        return config;
    }

    static Map<String, String> kept() {
        Map<String, String> config = new java.util.HashMap<>(TestDatabase.kept("restart", DATABASE));
        config.put("lead-qualifier.policy.watch", "false");
        return config;
    }
}
