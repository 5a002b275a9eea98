package io.leadqualifier.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import io.leadqualifier.system.Sha256;

/**
 * One secret per role, for a service with no identity provider: generated on first start (256 random bits
 * each), stored in a file only its owner can read, and checked by hash. Never logged.
 */
public final class BuiltInCredentials {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;
    private final Map<String, byte[]> hashes;
    private final boolean generated;

    private BuiltInCredentials(Path file, Map<String, byte[]> hashes, boolean generated) {
        this.file = file;
        this.hashes = hashes;
        this.generated = generated;
    }

    /** Loads the credentials file, or generates it when it does not exist. */
    public static BuiltInCredentials loadOrGenerate(Path file) {
        try {
            boolean generated = false;
            if (!Files.exists(file)) {
                generate(file);
                generated = true;
            }
            Properties secrets = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            }
            Map<String, byte[]> hashes = new HashMap<>();
            for (String role : Roles.ALL) {
                String secret = secrets.getProperty(role);
                if (secret != null && !secret.isBlank()) {
                    hashes.put(role, Sha256.of(secret.strip()));
                }
            }
            return new BuiltInCredentials(file.toAbsolutePath(), Map.copyOf(hashes), generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credentials file " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        StringBuilder content = new StringBuilder("# Lead Qualifier built-in credentials, generated on first start.\n"
                + "# HTTP Basic: user = role, password = the value. Keep this file private; delete it to generate new ones.\n");
        SecureRandom random = new SecureRandom();
        for (String role : Roles.ALL) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            content.append(role).append('=').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).append('\n');
        }
        Path temporary = Files.createTempFile(parent, ".credentials", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, OWNER_ONLY);
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file);
    }

    /** The role whose secret this is, when the user names a role and the secret matches. */
    public Optional<String> roleOf(String user, String secret) {
        byte[] expected = hashes.get(user);
        if (expected == null || secret == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, Sha256.of(secret)) ? Optional.of(user) : Optional.empty();
    }

    public Path file() {
        return file;
    }

    /** Whether this start created the file. */
    public boolean generated() {
        return generated;
    }
}
