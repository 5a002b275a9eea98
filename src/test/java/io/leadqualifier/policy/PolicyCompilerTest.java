package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.usermodel.CellCopyPolicy;
import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyVersions;

/** Compiling rules/ and decision-tables/ at runtime, and refusing what cannot be served. */
public class PolicyCompilerTest {

    @Test
    void shippedPolicyCompilesWithEveryRuleTracedToItsFile() {
        CompiledPolicy policy = PolicyWorkspace.copyOfDefault().compile();

        assertThat(policy.ruleSources()).containsEntry("Engagement: DEMO_REQUEST", "decision-tables/engagement-scoring.xlsx")
                .containsEntry("Fit: target industry", "decision-tables/fit-scoring.xlsx")
                .containsEntry("Stage: MQL", "decision-tables/stage-thresholds.xlsx")
                .containsEntry("SLA: hot MQL", "decision-tables/handoff-sla.xlsx")
                .containsEntry("Route: MQL to SDR", "decision-tables/routing.xlsx")
                .containsEntry("Knock-out: student", "decision-tables/knock-outs.xlsx")
                .containsEntry("Checklist: count boxes", "rules/assessment.drl");
        assertThat(policy.version()).hasSize(12).isEqualTo(policy.contentHash().substring(0, 12));
    }

    @Test
    void brokenDrlNamesTheFileAndLine() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault();
        String assessment = workspace.read("rules/assessment.drl");
        workspace.write("rules/assessment.drl", assessment.replace("insert(outcome.checklist());\nend",
                "insert(outcome.checklist())\nend"));

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class, e -> {
            assertThat(e.problems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("rules/assessment.drl"))
                    .anySatisfy(problem -> assertThat(problem.location()).startsWith("line "));
            assertThat(e.getMessage()).contains("rules/assessment.drl (line ");
        });
    }

    @Test
    void drlReferringToAnUnknownFieldNamesTheFile() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("rules/typo.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Typo: unknown field"
                when
                    Lead( company.revenue > 10 )
                then
                    outcome.note("never");
                end
                """);

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("rules/typo.drl");
                    assertThat(problem.message()).contains("revenue");
                }));
    }

    @Test
    void corruptWorkbookNamesTheFile() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .write("decision-tables/fit-scoring.xlsx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("decision-tables/fit-scoring.xlsx");
                    assertThat(problem.message()).startsWith("refused: not a");
                }));
    }

    @Test
    void htmlSavedAsXlsxIsRefused() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .write("decision-tables/handoff-sla.xlsx", "<html><body>Not a workbook</body></html>");

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> assertThat(problem.file()).isEqualTo("decision-tables/handoff-sla.xlsx")));
    }

    @Test
    void badTableCellNamesTheFileSheetAndRow() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Stage", "MARKETING_QUALIFIED");

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("decision-tables/stage-thresholds.xlsx");
                    assertThat(problem.location()).contains("sheet Stages").contains("row starting at cell B")
                            .contains("Stage: MQL");
                    assertThat(problem.message()).contains("MARKETING_QUALIFIED");
                }));
    }

    @Test
    void blankRowInsideATableIsRefusedNamingTheRowsItWouldDrop() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .insertBlankRowAbove("stage-thresholds.xlsx", "Checklist", "Checklist: timing");

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("decision-tables/stage-thresholds.xlsx");
                    assertThat(problem.location()).isEqualTo("sheet Checklist, row 16");
                    assertThat(problem.message()).contains("blank row ends RuleTable Checklist")
                            .contains("3 rows (17–19)").contains("Checklist: timing");
                }));
    }

    @Test
    void aSecondTableBelowABlankRowAndNotesLeftOfATableAreNotAGap() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().editSheet("stage-thresholds.xlsx", "Checklist", sheet -> {
            int header = PolicyWorkspace.rowOf(sheet, "RuleTable Checklist");
            int last = sheet.getLastRowNum();
            // A note in column A under the table (the engine reads nothing left of a table), then a blank row,
            // then the same table again with one rule of its own.
            sheet.createRow(last + 1).createCell(0).setCellValue("Reviewed by RevOps in November");
            int copy = last + 3;
            sheet.copyRows(header, header + 4, copy, new CellCopyPolicy());
            sheet.getRow(copy).getCell(1).setCellValue("RuleTable Checklist extra");
            sheet.copyRows(header + 5, header + 5, copy + 5, new CellCopyPolicy());
            sheet.getRow(copy + 5).getCell(1).setCellValue("Checklist: second table");
        });

        CompiledPolicy policy = workspace.compile();

        assertThat(policy.ruleSources()).containsKeys("Checklist: ICP fit", "Checklist: intent (meeting booked)",
                "Checklist: second table");
    }

    @Test
    void textInANumericCellNamesTheCell() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: DEMO_REQUEST", "Points", "thirty");

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("decision-tables/engagement-scoring.xlsx");
                    assertThat(problem.location()).contains("sheet Engagement").contains("Engagement: DEMO_REQUEST");
                }));
    }

    @Test
    void duplicateRuleNamesAreRefused() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("rules/again.drl", """
                package leadqualifier.policy;
                import io.leadqualifier.facts.*;
                global Outcome outcome;
                rule "Route: MQL to SDR"
                when
                    Lead()
                then
                    outcome.note("again");
                end
                """);

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.getMessage()).contains("Route: MQL to SDR"));
    }

    @Test
    void emptyPolicyIsRefused() {
        assertThatThrownBy(() -> new PolicyCompiler(4).compile(List.of()))
                .isInstanceOfSatisfying(PolicyCompilationException.class,
                        e -> assertThat(e.getMessage()).contains("no policy files"));
    }

    @Test
    void versionIsTheContentHashWhateverTheFileOrder() {
        List<PolicyFile> files = PolicyWorkspace.copyOfDefault().directory().read();
        List<PolicyFile> shuffled = new ArrayList<>(files);
        Collections.reverse(shuffled);

        assertThat(PolicyVersions.contentHash(shuffled)).isEqualTo(PolicyVersions.contentHash(files));
    }

    @Test
    void anyByteChangedOrFileRenamedIsAnotherVersion() {
        List<PolicyFile> files = List.of(new PolicyFile("rules/a.drl", new byte[] {1, 2}));

        assertThat(PolicyVersions.contentHash(List.of(new PolicyFile("rules/a.drl", new byte[] {1, 3}))))
                .isNotEqualTo(PolicyVersions.contentHash(files));
        assertThat(PolicyVersions.contentHash(List.of(new PolicyFile("rules/b.drl", new byte[] {1, 2}))))
                .isNotEqualTo(PolicyVersions.contentHash(files));
    }

    @Test
    void editorLeftoversAreNotPartOfThePolicy() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .write("decision-tables/~$fit-scoring.xlsx", "lock")
                .write("rules/.assessment.drl.swp", "swap")
                .write("rules/notes.txt", "notes");

        assertThat(workspace.directory().read()).extracting(PolicyFile::path)
                .containsExactly("rules/assessment.drl", "rules/sales-feedback.drl",
                        "decision-tables/business-calendars.xlsx", "decision-tables/engagement-scoring.xlsx",
                        "decision-tables/fit-scoring.xlsx", "decision-tables/handoff-sla.xlsx", "decision-tables/knock-outs.xlsx",
                        "decision-tables/qualification-scenarios.xlsx", "decision-tables/rejection-reasons.xlsx",
                        "decision-tables/routing.xlsx", "decision-tables/sales-roster.xlsx", "decision-tables/stage-thresholds.xlsx");
    }
}
