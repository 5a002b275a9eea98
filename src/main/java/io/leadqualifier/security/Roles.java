package io.leadqualifier.security;

import java.util.List;

/** The roles endpoints declare. A JWT carries them in its {@code groups} claim. */
public final class Roles {
    /** CRM systems: qualify leads. */
    public static final String CRM = "crm";
    /** Revenue operations: read and change the policy, read decisions. */
    public static final String REVOPS = "revops";
    /** Auditors: read decisions and the policy; change nothing. */
    public static final String AUDITOR = "auditor";
    /** Everything, including erasure. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CRM, REVOPS, AUDITOR, ADMIN);

    private Roles() {
    }
}
