package io.leadqualifier.audit.trail;

import java.time.Instant;

import io.leadqualifier.system.Sha256;

/**
 * The hash that chains one decision row to the one before it: SHA-256 over the previous hash and every
 * recorded column of the row (length-prefixed, so no two rows encode alike). Editing any of them, or
 * removing or inserting a row, breaks the chain at that row.
 */
public final class ChainLink {
    /** The hash before the first decision. */
    public static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    /**
     * The columns of a decision row the chain covers. A row has either a compressed {@code body} (recorded
     * since decisions are stored compactly) or the three text columns of the first format.
     */
    public record Row(long sequence, String id, String leadId, Instant asOf, Instant evaluatedAt, String stage,
            String temperature, String route, int scoreFit, int scoreEngagement, int scoreTotal, String policyVersion,
            String firedRules, String inputJson, String outputJson, byte[] body, String personalDigest) {
    }

    public static String hash(String previousHash, Row row) {
        StringBuilder text = new StringBuilder(row.body() != null ? 512 : 256 + row.inputJson().length() + row.outputJson().length());
        append(text, previousHash);
        append(text, Long.toString(row.sequence()));
        append(text, row.id());
        append(text, row.leadId());
        append(text, Long.toString(row.asOf().toEpochMilli()));
        append(text, Long.toString(row.evaluatedAt().toEpochMilli()));
        append(text, row.stage());
        append(text, row.temperature());
        append(text, row.route());
        append(text, Integer.toString(row.scoreFit()));
        append(text, Integer.toString(row.scoreEngagement()));
        append(text, Integer.toString(row.scoreTotal()));
        append(text, row.policyVersion());
        if (row.body() != null) {
            // The body's own digest stands for it: the bytes as stored, so verifying never needs to inflate them.
            append(text, "body");
            append(text, Sha256.hex(row.body()));
        } else {
            append(text, row.firedRules());
            append(text, row.inputJson());
            append(text, row.outputJson());
        }
        append(text, row.personalDigest());
        return Sha256.hex(text.toString());
    }

    /**
     * The link of a row of another chain (the lead lifecycle's events): SHA-256 over the previous hash and the
     * row's fields, length-prefixed like a decision's.
     */
    public static String hash(String previousHash, String... fields) {
        StringBuilder text = new StringBuilder(256);
        append(text, previousHash);
        for (String field : fields) {
            append(text, field);
        }
        return Sha256.hex(text.toString());
    }

    /** The salted digest of a person's data that the chain covers in place of the data itself. */
    public static String personalDigest(String salt, String personalJson) {
        return Sha256.hex(salt + "\n" + personalJson);
    }

    private static void append(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:\n");
        } else {
            text.append(value.length()).append(':').append(value).append('\n');
        }
    }
}
