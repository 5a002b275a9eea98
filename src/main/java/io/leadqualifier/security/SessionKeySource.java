package io.leadqualifier.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the console's login cookie, for the quick start: generated on first use (256 random bits)
 * into a file only its owner can read, beside the built-in credentials, so a restart keeps people logged in. Its
 * ordinal is below the environment's and application.properties', so production sets
 * {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} and this file is never written. Where the file is:
 * {@code LEAD_QUALIFIER_SESSION_KEY_FILE} (system property or environment), default {@code ./data/session-key}.
 */
public final class SessionKeySource implements ConfigSource {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private volatile String key;

    @Override
    public Set<String> getPropertyNames() {
        // Not listed, so that nothing enumerating the configuration (the build) makes a key: it is made when asked for.
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String name) {
        if (!KEY.equals(name)) {
            return null;
        }
        String loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrGenerate(file());
                }
                loaded = key;
            }
        }
        return loaded;
    }

    @Override
    public String getName() {
        return "lead-qualifier generated session key";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    static Path file() {
        String configured = System.getProperty("LEAD_QUALIFIER_SESSION_KEY_FILE", System.getenv("LEAD_QUALIFIER_SESSION_KEY_FILE"));
        return Path.of(configured == null || configured.isBlank() ? "./data/session-key" : configured);
    }

    static String loadOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path parent = Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = Files.createTempFile(parent, ".session-key", ".tmp");
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException another) {
                    Files.delete(temporary); // another start made it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file, e);
        }
    }
}
