package io.leadqualifier.policy.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

import io.leadqualifier.handoff.calendar.BusinessCalendars;
import io.leadqualifier.handoff.reasons.RejectionReasons;
import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.handoff.tables.HandoffTables;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.policy.source.PolicyVersions;

/**
 * A policy ready to evaluate leads: its files, its version (the content hash), the compiled rule base, and the
 * hand-off tables it carries (roster, business calendars, sales reasons). Immutable: a change of policy is a new
 * instance, swapped in whole.
 */
public final class CompiledPolicy {
    private final String contentHash;
    private final List<PolicyFile> files;
    private final Map<String, String> ruleSources;
    private final List<PolicyProblem> warnings;
    private final List<DrlSource> drlSources;
    private final KieSessionsPool sessions;
    private final KieSessionConfiguration sessionConfiguration;
    private final HandoffTables handoff;
    private volatile Map<String, String> tableRows;

    public CompiledPolicy(String contentHash, List<PolicyFile> files, KieBase kieBase, Map<String, String> ruleSources,
            List<DrlSource> drlSources, List<PolicyProblem> warnings, int sessionPoolSize, HandoffTables handoff) {
        this.contentHash = contentHash;
        this.handoff = handoff;
        this.files = List.copyOf(files);
        this.ruleSources = Map.copyOf(ruleSources);
        this.warnings = List.copyOf(warnings);
        this.drlSources = List.copyOf(drlSources);
        this.sessions = kieBase.newKieSessionsPool(sessionPoolSize);
        // One thread uses a session at a time (taken from the pool, disposed back): the engine's locks and
        // synchronized propagation queue are pure cost here.
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        this.sessionConfiguration.setOption(ThreadSafeOption.NO);
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

    /** The DRL the engine compiled: each DRL file, and the DRL generated from each decision-table sheet. */
    public List<DrlSource> drlSources() {
        return drlSources;
    }

    /**
     * Where a rule is written, for a human: {@code decision-tables/fit-scoring.xlsx, sheet Fit, row 12}, or
     * the DRL file; null for a rule this policy does not have.
     */
    public String locationOf(String ruleName) {
        String file = ruleSources.get(ruleName);
        if (file == null) {
            return null;
        }
        String row = tableRows().get(ruleName);
        return row == null ? file : file + ", " + row;
    }

    /** Rule name to its decision-table row, read from the generated DRL once, when first asked (explanations only). */
    private Map<String, String> tableRows() {
        Map<String, String> rows = tableRows;
        if (rows == null) {
            Map<String, String> found = new HashMap<>();
            for (DrlSource source : drlSources) {
                found.putAll(source.ruleRows());
            }
            rows = Map.copyOf(found);
            tableRows = rows;
        }
        return rows;
    }

    public List<PolicyProblem> warnings() {
        return warnings;
    }

    /** The roster of its {@code *-roster.xlsx} workbooks: who receives each queue's hand-offs; empty without one. */
    public Roster roster() {
        return handoff.roster();
    }

    /** The business calendars of its {@code *-calendars.xlsx} workbooks, by name; none without one. */
    public BusinessCalendars calendars() {
        return handoff.calendars();
    }

    /** The reasons of its {@code *-reasons.xlsx} workbooks that sales may give with REJECTED and LOST; none without one. */
    public RejectionReasons rejectionReasons() {
        return handoff.rejectionReasons();
    }

    /** The three hand-off tables together. */
    public HandoffTables handoffTables() {
        return handoff;
    }

    /**
     * A session for one evaluation, from a pool; {@code dispose()} resets it and gives it back. Reuse is
     * safe because policies keep no agenda state between evaluations: first-match rules guard on facts
     * ({@code not AssignedStage()}), not on activation-groups, whose state survives a reset (Drools #6410).
     * The reset also drops globals and event listeners: set them on every evaluation. Not thread-safe:
     * one thread uses it, then disposes it.
     */
    public KieSession newSession() {
        return sessions.newKieSession(sessionConfiguration);
    }

    @Override
    public String toString() {
        return "policy " + version() + " (" + files.size() + " files, " + ruleSources.size() + " rules)";
    }
}
