package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.api.PolicyDiff;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

/** Diffs in business terms: table cells by rule and column, DRL rules by name. */
public class PolicyDiffTest {

    @Test
    void changedCellReadsAsRuleColumnOldAndNewValue() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.setCell("engagement-scoring.xlsx", "Engagement", "Engagement: DEMO_REQUEST", "Points", 40);

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("engagement-scoring.xlsx, Engagement: DEMO_REQUEST, Points: 30 → 40");
    }

    @Test
    void rosterCalendarAndReasonChangesReadByRowAndColumn() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.setCell("sales-roster.xlsx", "Roster", "lea.petit", "Active", "no")
                .setCell("business-calendars.xlsx", "Calendars", "New York", "Friday", "09:00-15:00")
                .setCell("rejection-reasons.xlsx", "Reasons", "Price too high", "Free text", "yes");

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("business-calendars.xlsx, New York, Friday: 09:00-17:00 → 09:00-15:00",
                        "rejection-reasons.xlsx, LOST / PRICE, Free text: no → yes",
                        "sales-roster.xlsx, SDR / lea.petit, Active: yes → no");
    }

    @Test
    void addedAndRemovedRowsAreNamed() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.setCell("fit-scoring.xlsx", "Fit", "Fit: manager", "Rule", "Fit: manager or lead");

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactlyInAnyOrder("fit-scoring.xlsx, Fit: manager removed", "fit-scoring.xlsx, Fit: manager or lead added");
    }

    @Test
    void drlRulesAddedRemovedAndChangedByName() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        String knockOuts = workspace.read("rules/knock-outs.drl");
        workspace.write("rules/knock-outs.drl", knockOuts
                .replace("The company is a competitor", "The company competes with us")
                .replace("rule \"Knock-out: student\"", "rule \"Knock-out: student or intern\""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactlyInAnyOrder("rules/knock-outs.drl, rule \"Knock-out: student\" removed",
                        "rules/knock-outs.drl, rule \"Knock-out: student or intern\" added",
                        "rules/knock-outs.drl, rule \"Knock-out: competitor\" changed");
    }

    @Test
    void aRuleInACommentIsNoRule() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/knock-outs.drl", workspace.read("rules/knock-outs.drl").replace("rule \"Knock-out: competitor\"", """
                /* Retired in March:
                rule "Knock-out: intern"
                when
                    Lead( contact.seniority == Seniority.INTERN )
                then
                    outcome.knockOut("An intern");
                end
                */
                rule "Knock-out: competitor\""""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/knock-outs.drl changed outside its rules (package, imports, comments or layout)");
    }

    @Test
    void commentsAndLayoutInsideARuleAreNoChangeToIt() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/knock-outs.drl", workspace.read("rules/knock-outs.drl")
                .replace("    Lead( company.competitor )",
                        "    /* a competitor, whatever its size */\n        Lead(company.competitor)"));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/knock-outs.drl changed outside its rules (package, imports, comments or layout)");
    }

    @Test
    void aRuleNameWithEscapedQuotesIsNamedWhole() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/knock-outs.drl", workspace.read("rules/knock-outs.drl")
                .replace("rule \"Knock-out: student\"", "rule \"Knock-out: \\\"student\\\" (any seniority)\""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactlyInAnyOrder("rules/knock-outs.drl, rule \"Knock-out: student\" removed",
                        "rules/knock-outs.drl, rule \"Knock-out: \"student\" (any seniority)\" added");
    }

    @Test
    void aChangeAfterAnEndInsideAStringIsAChangeToTheRule() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        String knockOuts = workspace.read("rules/knock-outs.drl").replace("outcome.knockOut(\"The company is a competitor\");",
                """
                outcome.knockOut(\"""
                        The company is a competitor,
                        end of the road.
                        \""");
                    outcome.note("1");""");
        List<PolicyFile> before = workspace.write("rules/knock-outs.drl", knockOuts).directory().read();
        workspace.write("rules/knock-outs.drl", knockOuts.replace("outcome.note(\"1\");", "outcome.note(\"2\");"));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/knock-outs.drl, rule \"Knock-out: competitor\" changed");
    }

    @Test
    void addedAndRemovedFiles() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/extra.drl", "package leadqualifier.policy;");

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/extra.drl added");
        assertThat(PolicyDiff.between(workspace.directory().read(), before)).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/extra.drl removed");
    }

    @Test
    void uploadNamesOutsideThePolicyFoldersAreRefused() {
        assertThat(PolicyFolders.pathFor("fit-scoring.xlsx")).contains("decision-tables/fit-scoring.xlsx");
        assertThat(PolicyFolders.pathFor("rules/routing.drl")).contains("rules/routing.drl");
        assertThat(PolicyFolders.pathFor("../../etc/passwd.drl")).isEmpty();
        assertThat(PolicyFolders.pathFor("rules/../../x.drl")).isEmpty();
        assertThat(PolicyFolders.pathFor("decision-tables/routing.drl")).isEmpty();
        assertThat(PolicyFolders.pathFor("rules/sub/routing.drl")).isEmpty();
        assertThat(PolicyFolders.pathFor("notes.txt")).isEmpty();
        assertThat(PolicyFolders.pathFor(".hidden.drl")).isEmpty();
        assertThat(PolicyFolders.pathFor("C:\\\\policy\\\\x.drl")).isEmpty();
    }
}
