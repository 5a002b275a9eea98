package io.leadqualifier.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.compile.PolicyCompilationException;

/** Each attack on the spreadsheet parser is refused for what it is. */
class HostileWorkbooksTest {
    private final byte[] fit = PolicyWorkspace.copyOfDefault().bytes("decision-tables/fit-scoring.xlsx");

    private static String refusal(byte[] workbook) {
        try {
            PolicyWorkspace.copyOfDefault().write("decision-tables/fit-scoring.xlsx", workbook).compile();
        } catch (PolicyCompilationException e) {
            return e.getMessage();
        }
        throw new AssertionError("the workbook was accepted");
    }

    @Test
    void zipBombStopsAtTheExpansionLimit() {
        assertThat(refusal(HostileWorkbooks.zipBomb())).contains("expands to more than");
    }

    @Test
    void externalEntityDeclarationIsRefused() {
        assertThat(refusal(HostileWorkbooks.withXxe(fit))).contains("DOCTYPE");
    }

    @Test
    void duplicateZipEntryIsRefused() {
        assertThat(refusal(HostileWorkbooks.withDuplicateEntry(fit))).contains("duplicate zip entry xl/workbook.xml");
    }

    @Test
    void passwordProtectedWorkbookIsRefusedWithAClearWord() {
        assertThat(refusal(HostileWorkbooks.passwordProtected(fit))).contains("password-protected");
    }
}
