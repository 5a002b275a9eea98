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
    void routingAndKnockOutChangesReadByRuleAndColumn() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.setCell("routing.xlsx", "Routing", "Route: MQL to SDR", "Route", "AE")
                .setCell("knock-outs.xlsx", "Knock-outs", "Knock-out: student", "Seniority", "UNKNOWN");

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("knock-outs.xlsx, Knock-out: student, Seniority: STUDENT → UNKNOWN",
                        "routing.xlsx, Route: MQL to SDR, Route: SDR → AE");
    }

    @Test
    void drlRulesAddedRemovedAndChangedByName() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        String assessment = workspace.read("rules/assessment.drl");
        workspace.write("rules/assessment.drl", assessment
                .replace("not in the engagement table, scores 0", "unknown here, scores 0")
                .replace("rule \"Checklist: count boxes\"", "rule \"Checklist: count the boxes\""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactlyInAnyOrder("rules/assessment.drl, rule \"Checklist: count boxes\" removed",
                        "rules/assessment.drl, rule \"Checklist: count the boxes\" added",
                        "rules/assessment.drl, rule \"Engagement: unknown activity type\" changed");
    }

    @Test
    void aRuleInACommentIsNoRule() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/assessment.drl", workspace.read("rules/assessment.drl").replace("rule \"Checklist: count boxes\"", """
                /* Retired in March:
                rule "Checklist: count twice"
                when
                    Score()
                then
                    outcome.note("twice");
                end
                */
                rule "Checklist: count boxes\""""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/assessment.drl changed outside its rules (package, imports, comments or layout)");
    }

    @Test
    void commentsAndLayoutInsideARuleAreNoChangeToIt() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/assessment.drl", workspace.read("rules/assessment.drl")
                .replace("    Lead()\n", "    /* any lead, whatever it did */\n        Lead( )\n"));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/assessment.drl changed outside its rules (package, imports, comments or layout)");
    }

    @Test
    void aRuleNameWithEscapedQuotesIsNamedWhole() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        List<PolicyFile> before = workspace.directory().read();
        workspace.write("rules/assessment.drl", workspace.read("rules/assessment.drl")
                .replace("rule \"Checklist: count boxes\"", "rule \"Checklist: count \\\"checked\\\" boxes\""));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactlyInAnyOrder("rules/assessment.drl, rule \"Checklist: count boxes\" removed",
                        "rules/assessment.drl, rule \"Checklist: count \"checked\" boxes\" added");
    }

    @Test
    void aChangeAfterAnEndInsideAStringIsAChangeToTheRule() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        String assessment = workspace.read("rules/assessment.drl").replace("insert(outcome.checklist());", """
                outcome.note(\"""
                        Boxes counted,
                        end of the road.
                        \""");
                    outcome.note("1");
                    insert(outcome.checklist());""");
        List<PolicyFile> before = workspace.write("rules/assessment.drl", assessment).directory().read();
        workspace.write("rules/assessment.drl", assessment.replace("outcome.note(\"1\");", "outcome.note(\"2\");"));

        assertThat(PolicyDiff.between(before, workspace.directory().read())).extracting(PolicyDiff.Change::summary)
                .containsExactly("rules/assessment.drl, rule \"Checklist: count boxes\" changed");
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
