package io.leadqualifier.console;

/** The console's sections, in the order of its navigation. A page names the section it belongs to. */
public enum Section {
    POLICY("Policy", "/console/policy"),
    CHANGES("Changes", "/console/policy/changes"),
    DIFF("Diff", "/console/policy/diff"),
    REJECTED("Rejected", "/console/policy/rejected"),
    DECISIONS("Decisions", "/console/decisions"),
    SLA("SLA", "/console/sla"),
    SIMULATIONS("Simulations", "/console/simulations"),
    /** Pages of no section: login, errors. */
    NONE("", "/console");

    private final String label;
    private final String href;

    Section(String label, String href) {
        this.label = label;
        this.href = href;
    }

    public String label() {
        return label;
    }

    public String href() {
        return href;
    }
}
