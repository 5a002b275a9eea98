package io.leadqualifier.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An identity provider for tests: an RSA key pair under target/, its public key the one the %test profile
 * verifies JWTs with. Applies to every test application (the key must exist before any starts: the
 * service refuses to start with a configured key file missing). Nothing secret is committed.
 */
public class JwtTestKeys implements QuarkusTestResourceLifecycleManager {
    static final String ISSUER = "https://idp.test.example";
    static final Path DIRECTORY = Path.of("target/test-jwt");

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(DIRECTORY.resolve("public.pem")) && Files.exists(DIRECTORY.resolve("private.pem"))) {
                return Map.of();
            }
            KeyPair pair = newPair();
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(DIRECTORY.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            // The location and issuer are the %test values of application.properties.
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A fresh 2048-bit RSA pair, for the test identity providers. */
    public static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key the service's configured public key belongs to. */
    static PrivateKey signingKey() {
        try {
            String pem = Files.readString(DIRECTORY.resolve("private.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
