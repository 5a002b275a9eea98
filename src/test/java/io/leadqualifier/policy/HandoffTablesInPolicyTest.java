package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;

/** The roster, calendars and reasons workbooks are part of the policy: versioned with it, read, checked, carried. */
public class HandoffTablesInPolicyTest {

    @Test
    void theCompiledPolicyCarriesItsRosterCalendarsAndReasons() {
        CompiledPolicy policy = PolicyWorkspace.copyOfDefault().compile();

        assertThat(policy.roster().assign("SDR", 1).member()).isEqualTo("camille.durand");
        assertThat(policy.roster().assign("AE", 2).member()).isEqualTo("thomas.leroy");
        assertThat(policy.calendars().get("Paris").plusBusinessHours(Instant.parse("2026-07-13T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-07-15T08:00:00Z"));
        assertThat(policy.rejectionReasons().find(ReasonEvent.REJECTED, "NOT_DECISION_MAKER")).isPresent();
        assertThat(policy.files()).extracting(PolicyFile::path).contains("decision-tables/sales-roster.xlsx",
                "decision-tables/business-calendars.xlsx", "decision-tables/rejection-reasons.xlsx");
    }

    @Test
    void dataWorkbooksAreNeverCompiledAsRules() {
        CompiledPolicy policy = PolicyWorkspace.copyOfDefault().compile();

        assertThat(policy.drlSources()).extracting(DrlSource::file).noneMatch(file -> file.endsWith("-roster.xlsx")
                || file.endsWith("-calendars.xlsx") || file.endsWith("-reasons.xlsx"));
        assertThat(policy.ruleSources().values()).doesNotContain("decision-tables/sales-roster.xlsx");
        assertThat(new PolicyFile("decision-tables/sales-roster.xlsx", new byte[0]).isDecisionTable()).isFalse();
        assertThat(new PolicyFile("decision-tables/handoff-sla.xlsx", new byte[0]).isDecisionTable()).isTrue();
    }

    @Test
    void aBrokenRosterIsRefusedWithItsFileSheetAndRow() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().setCell("sales-roster.xlsx", "Roster", "hugo.bernard", "Weight", 0);

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.isError()).isTrue();
                    assertThat(problem.file()).isEqualTo("decision-tables/sales-roster.xlsx");
                    assertThat(problem.location()).isEqualTo("sheet Roster, row 5");
                    assertThat(problem.message()).startsWith("Weight 0 is not from 1 to 1000");
                }));
    }

    @Test
    void tableProblemsAreReportedWithTheRulesProblems() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .setCell("business-calendars.xlsx", "Calendars", "Paris", "Monday", "09:00-13:00, 12:00-18:00")
                .setCell("rejection-reasons.xlsx", "Reasons", "BAD_DATA", "Code", "NO_BUDGET");
        workspace.write("rules/assessment.drl", workspace.read("rules/assessment.drl")
                .replace("insert(outcome.checklist());\nend", "insert(outcome.checklist())\nend"));

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class, e -> {
            assertThat(e.problems()).extracting(PolicyProblem::file).contains("rules/assessment.drl");
            assertThat(e.problems()).extracting(PolicyProblem::toString).contains(
                    "decision-tables/business-calendars.xlsx (sheet Calendars, row 4): Monday: 09:00-13:00 and 12:00-18:00 overlap",
                    "decision-tables/rejection-reasons.xlsx (sheet Reasons, row 9): reason NO_BUDGET is listed twice for REJECTED"
                            + " (also row 4)");
        });
    }

    @Test
    void aWorkbookTheGuardRefusesIsNotOpened() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("decision-tables/sales-roster.xlsx", new byte[0]);

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).singleElement().hasToString("decision-tables/sales-roster.xlsx: refused: the file is empty"));
    }

    @Test
    void aPolicyWithoutHandOffTablesStillCompiles() {
        CompiledPolicy policy = PolicyWorkspace.copyOfDefault().delete("decision-tables/sales-roster.xlsx")
                .delete("decision-tables/business-calendars.xlsx").delete("decision-tables/rejection-reasons.xlsx").compile();

        assertThat(policy.roster().isEmpty()).isTrue();
        assertThat(policy.calendars().isEmpty()).isTrue();
        assertThat(policy.rejectionReasons().isEmpty()).isTrue();
    }
}
