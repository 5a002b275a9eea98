package io.leadqualifier.webhook.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A subscription's signing secret, as Standard Webhooks spells it: {@code whsec_} and the base64 of 32 random
 * bytes. The HMAC key is the decoded bytes. Shown once, when the subscription is made; afterwards only a hint.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the bytes its base64 part encodes. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }

    /** Enough to tell two secrets apart, nothing to sign with: {@code whsec_…XyZ0}. */
    static String hint(String secret) {
        return secret == null ? null : PREFIX + "…" + secret.substring(secret.length() - 4);
    }
}
