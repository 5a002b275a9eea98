package io.leadqualifier.policy;

import java.nio.file.Path;
import java.util.Map;

/** A service watching its own copy of the shipped policy, with a short debounce. */
public class HotReloadProfile extends OwnPolicyCopyProfile {
    static final Path DIRECTORY = directory("hot-reload");

    public HotReloadProfile() {
        super("hot-reload", true);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("lead-qualifier.policy.watch-debounce", "200ms");
    }
}
