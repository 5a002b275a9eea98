package io.leadqualifier.policy;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A policy ready to evaluate leads: its files, its version (the content hash), and the compiled rule
 * base. Immutable: a change of policy is a new instance, swapped in whole.
 */
public final class CompiledPolicy {
    private final String contentHash;
    private final List<PolicyFile> files;
    private final KieBase kieBase;
    private final Map<String, String> ruleSources;
    private final List<PolicyProblem> warnings;

    CompiledPolicy(String contentHash, List<PolicyFile> files, KieBase kieBase, Map<String, String> ruleSources,
            List<PolicyProblem> warnings) {
        this.contentHash = contentHash;
        this.files = List.copyOf(files);
        this.kieBase = kieBase;
        this.ruleSources = Map.copyOf(ruleSources);
        this.warnings = List.copyOf(warnings);
    }

    /** The short content hash users see: {@code 4f1c2a9e0b7d}. */
    public String version() {
        return PolicyVersions.version(contentHash);
    }

    public String contentHash() {
        return contentHash;
    }

    public List<PolicyFile> files() {
        return files;
    }

    /** The policy file a rule comes from, relative to the policy directory. */
    public String sourceOf(String ruleName) {
        return ruleSources.get(ruleName);
    }

    /** Rule name to source file, for every rule of the policy. */
    public Map<String, String> ruleSources() {
        return ruleSources;
    }

    public List<PolicyProblem> warnings() {
        return warnings;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * A new session for one evaluation; {@code dispose()} it when done. Not pooled: a pooled session that
     * was reset kept activation-group state from the evaluation before it (a LEAD row then won over the
     * SQL row that should have fired first), and a decision must not depend on the lead evaluated before.
     */
    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    @Override
    public String toString() {
        return "policy " + version() + " (" + files.size() + " files, " + ruleSources.size() + " rules)";
    }
}
