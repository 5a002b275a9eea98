package io.leadqualifier.policy.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import io.leadqualifier.system.Sha256;

/**
 * The content hash that names a policy version: SHA-256 over the files sorted by path, each as its
 * path and its bytes. File order, timestamps and the machine play no part, so the same files give the
 * same version everywhere.
 */
public final class PolicyVersions {
    /** How many hex digits of the hash make the version shown to users. */
    public static final int VERSION_LENGTH = 12;

    private PolicyVersions() {
    }

    public static String contentHash(List<PolicyFile> files) {
        MessageDigest sha = Sha256.newDigest();
        files.stream().sorted(Comparator.comparing(PolicyFile::path)).forEach(file -> {
            byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
            sha.update(intBytes(path.length));
            sha.update(path);
            sha.update(intBytes(file.content().length));
            sha.update(file.content());
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String version(String contentHash) {
        return contentHash.substring(0, VERSION_LENGTH);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
