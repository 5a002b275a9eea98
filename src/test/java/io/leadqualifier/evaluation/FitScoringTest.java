package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Seniority;

/** decision-tables/fit-scoring.xlsx: who the lead is. */
class FitScoringTest {

    @ParameterizedTest
    @ValueSource(strings = {"SOFTWARE", "FINANCE", "INSURANCE", "HEALTHCARE", "MANUFACTURING", "RETAIL"})
    void targetIndustriesScoreFifteen(String industry) {
        assertThat(evaluate(lead().industry(industry)).fit()).isEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EDUCATION", "GOVERNMENT"})
    void otherIndustriesScoreNothing(String industry) {
        assertThat(evaluate(lead().industry(industry)).fit()).isZero();
    }

    @ParameterizedTest(name = "{0} employees: {1}")
    @CsvSource({"0, 0", "1, -10", "9, -10", "10, 0", "49, 0", "50, 15", "4999, 15", "5000, 10", "250000, 10"})
    void companySizeBands(int employees, int fit) {
        assertThat(evaluate(lead().employees(employees)).fit()).isEqualTo(fit);
    }

    @Test
    void unknownCompanySizeScoresNothing() {
        assertThat(evaluate(lead().employees(null)).fit()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"C_LEVEL, 15", "VP, 15", "DIRECTOR, 15", "MANAGER, 10", "INDIVIDUAL, 0", "UNKNOWN, 0"})
    void seniority(Seniority seniority, int fit) {
        assertThat(evaluate(lead().seniority(seniority)).fit()).isEqualTo(fit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR", "BE", "CH", "LU", "DE", "ES", "IT", "NL", "GB", "US", "CA"})
    void targetMarketsScoreFive(String country) {
        assertThat(evaluate(lead().country(country)).fit()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR", "IN", "JP"})
    void otherCountriesScoreNothing(String country) {
        assertThat(evaluate(lead().country(country)).fit()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "yahoo.com", "yahoo.fr", "hotmail.com", "hotmail.fr", "outlook.com", "live.com",
            "icloud.com", "orange.fr", "free.fr", "laposte.net", "GMAIL.COM"})
    void freeMailAddressesCostTen(String domain) {
        assertThat(evaluate(lead().email("someone@" + domain)).fit()).isEqualTo(-10);
    }

    @Test
    void companyAddressCostsNothing() {
        assertThat(evaluate(lead().email("claire@acme.fr")).fit()).isZero();
    }

    @Test
    void criteriaAddUpAndEachHasItsReason() {
        Ledger outcome = evaluate(lead().idealProfile());

        assertThat(outcome.fit()).isEqualTo(50);
        assertThat(outcome.reasons()).filteredOn(r -> r.rule().startsWith("Fit: "))
                .extracting(Reason::rule, Reason::points, Reason::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Fit: target industry", 15, "decision-tables/fit-scoring.xlsx"),
                        org.assertj.core.groups.Tuple.tuple("Fit: mid-size company", 15, "decision-tables/fit-scoring.xlsx"),
                        org.assertj.core.groups.Tuple.tuple("Fit: senior decision level", 15, "decision-tables/fit-scoring.xlsx"),
                        org.assertj.core.groups.Tuple.tuple("Fit: target market", 5, "decision-tables/fit-scoring.xlsx"));
    }

    @Test
    void totalNeverGoesBelowZero() {
        Ledger outcome = evaluate(lead().email("x@gmail.com").employees(3));

        assertThat(outcome.fit()).isEqualTo(-20);
        assertThat(outcome.total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Seniority.class, names = {"STUDENT"})
    void studentsGetNoSeniorityPoints(Seniority seniority) {
        assertThat(evaluate(lead().seniority(seniority)).fit()).isZero();
    }
}
