package io.leadqualifier.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell opens in a spreadsheet as the text it was, never as a formula. */
class CsvCellTest {

    @Test
    void formulaTriggersAreShownAsText() {
        assertThat(CsvCell.of("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCell.of("+33 1 23 45 67 89")).isEqualTo("'+33 1 23 45 67 89");
        assertThat(CsvCell.of("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCell.of("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvCell.of("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCell.of("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCell.of("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(CsvCell.of("the \"best\"")).isEqualTo("\"the \"\"best\"\"\"");
        assertThat(CsvCell.of("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCell.of("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void plainTextAndEmptyStayAsTheyAre() {
        assertThat(CsvCell.of("Stage: MQL")).isEqualTo("Stage: MQL");
        assertThat(CsvCell.of("a=b")).isEqualTo("a=b");
        assertThat(CsvCell.of("")).isEmpty();
        assertThat(CsvCell.of(null)).isEmpty();
    }
}
