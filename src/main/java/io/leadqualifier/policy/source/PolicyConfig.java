package io.leadqualifier.policy.source;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the policy lives and how it is compiled. */
@ConfigMapping(prefix = "lead-qualifier.policy")
public interface PolicyConfig {

    /** The directory holding {@code rules/} and {@code decision-tables/}; relative paths start at the working directory. */
    @WithDefault(".")
    Path directory();

    /** Evaluation sessions kept ready per compiled policy; a busier moment creates more, returned after use. */
    @WithDefault("16")
    int sessionPoolSize();

    /** Watch the policy directory and activate what is saved there once it passes its checks. */
    @WithDefault("true")
    boolean watch();

    /**
     * Quiet time after the last file event before a change is compiled: editors write in several steps (a
     * temporary file, then a rename), all within a few tens of milliseconds.
     */
    @WithDefault("200ms")
    java.time.Duration watchDebounce();

    /**
     * Compilations of the first policy served, in the background after it serves, so that the next change (an upload,
     * a saved file, another instance's activation) is compiled by a warm JIT: the first compilations in a JVM take
     * several times as long as the later ones. 0: none.
     */
    @WithDefault("10")
    int compilerWarmUps();

    /** Several instances on one PostgreSQL (README: Running several instances). */
    Cluster cluster();

    /** How an instance follows the policy the others activate. */
    interface Cluster {

        /** Follow the active policy recorded in the database (PostgreSQL only: on H2 there is one instance). */
        @WithDefault("true")
        boolean enabled();

        /** The safety net under the notifications: how often the database's active version is compared with the one served. */
        @WithDefault("30s")
        java.time.Duration checkEvery();

        /**
         * This instance is the one that watches the policy folders (and takes its policy from them at start).
         * At most one per cluster: the others refuse to watch, and a second one named so does not watch either.
         */
        @WithDefault("false")
        boolean folderWatcher();
    }
}
