package io.leadqualifier.security;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The built-in credentials of the embedded quick start. */
@ConfigMapping(prefix = "lead-qualifier.security")
public interface SecurityConfig {

    /**
     * Where the built-in credentials live: one line per role, {@code role=secret}. Generated on first start
     * when missing, readable by the owner only.
     */
    @WithDefault("./data/credentials.properties")
    Path credentialsFile();

    /** Accept the built-in credentials (HTTP Basic, user = role). Turn off where a company IdP issues JWTs. */
    @WithDefault("true")
    boolean builtInCredentials();
}
