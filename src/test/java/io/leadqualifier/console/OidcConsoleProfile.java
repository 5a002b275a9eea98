package io.leadqualifier.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The console behind the company's OIDC provider: the shipped {@code oidc} profile, on the test provider. */
public class OidcConsoleProfile extends ConsoleProfile {
    @Override
    public String getConfigProfile() {
        return "test,oidc";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.http.auth.roles-mapping.\"acme-auditors\"", "auditor");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcProvider.class));
    }
}
