package io.leadqualifier.audit.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;

/** Query parameters of the audit endpoints, read strictly: a bad one is a 400 that says which and why. */
public final class AuditParameters {
    private static final Pattern LEAD_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{12}");

    private AuditParameters() {
    }

    public static String leadId(String value) {
        if (value == null) {
            return null;
        }
        if (!LEAD_ID.matcher(value).matches()) {
            throw new BadRequestException("leadId must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -");
        }
        return value;
    }

    public static String version(String value) {
        if (value == null) {
            return null;
        }
        if (!VERSION.matcher(value).matches()) {
            throw new BadRequestException("policyVersion must be 12 hex digits");
        }
        return value;
    }

    public static String rule(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 512) {
            throw new BadRequestException("rule must be a rule name of 1 to 512 characters");
        }
        return value;
    }

    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    public static String oneOf(String name, String value, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new BadRequestException(name + " must be one of " + List.of(allowed));
    }

    public static Long sequence(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long sequence = Long.parseLong(value);
            if (sequence >= 1) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " must be a chain sequence number, 1 or more");
    }

    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
