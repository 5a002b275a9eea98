package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.AS_OF;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.check.PolicyLint;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.qualification.ApiLeadFields;

/** decision-tables/handoff-sla.xlsx: respondBy = asOf + hours, recycleAt = asOf + days. */
class HandoffSlaTest {

    private static Sla sla(String owner, int hours, String escalateTo, int days) {
        return new Sla(owner, AS_OF.plus(Duration.ofHours(hours)), escalateTo, AS_OF.plus(Duration.ofDays(days)));
    }

    @Test
    void hotMql() {
        Ledger outcome = evaluate(lead().idealProfile().activity("DEMO_REQUEST", days(1)));
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
        assertThat(outcome.temperature()).isEqualTo(Temperature.HOT);
        assertThat(outcome.sla()).isEqualTo(sla("SDR", 1, "SDR_MANAGER", 7));
    }

    @Test
    void warmMql() {
        Ledger outcome = evaluate(lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.temperature()).isEqualTo(Temperature.WARM);
        assertThat(outcome.sla()).isEqualTo(sla("SDR", 24, "SDR_MANAGER", 14));
    }

    @Test
    void coldMqlOnceRevOpsLowerTheMqlThreshold() {
        // With the shipped thresholds an MQL (>= 70) is at least warm (>= 40): lower the MQL bar to reach the row.
        CompiledPolicy lowered = PolicyWorkspace.copyOfDefault()
                .setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Total at least", 30).compile();
        Ledger outcome = new LeadEvaluator(1000).evaluate(lowered,
                lead().idealProfile().seniority(Seniority.UNKNOWN).build()).ledger();

        assertThat(outcome.total()).isEqualTo(35);
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
        assertThat(outcome.temperature()).isEqualTo(Temperature.COLD);
        assertThat(outcome.sla()).isEqualTo(sla("SDR", 48, "SDR_MANAGER", 14));
    }

    @Test
    void sql() {
        assertThat(evaluate(lead().idealProfile().fullBant()).sla()).isEqualTo(sla("AE", 24, "SALES_MANAGER", 30));
    }

    @Test
    void opportunity() {
        assertThat(evaluate(lead().idealProfile().fullBant().negotiationStarted()).sla())
                .isEqualTo(sla("AE", 48, "SALES_MANAGER", 60));
    }

    @Test
    void noSlaForLeadsDisqualifiedOrUnrouted() {
        assertThat(evaluate(lead()).sla()).as("lead").isNull();
        assertThat(evaluate(lead().idealProfile().competitor().fullBant()).sla()).as("disqualified").isNull();
        assertThat(evaluate(lead().idealProfile().fullBant().optedOut()).sla()).as("routed NONE").isNull();
    }

    @Test
    void aRowThatNamesACalendarCountsBusinessHoursAndBusinessDays() {
        CompiledPolicy paris = PolicyWorkspace.copyOfDefault()
                .setCell("handoff-sla.xlsx", "Hand-off SLA", "SLA: warm MQL", "Calendar (empty: wall-clock hours)", "Paris").compile();
        // asOf is Sunday 22 November 2026, 11:00 in Paris: the clock starts on Monday 09:00.
        Ledger outcome = new LeadEvaluator(1000).evaluate(paris, lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)).build())
                .ledger();

        assertThat(outcome.temperature()).isEqualTo(Temperature.WARM);
        assertThat(outcome.sla().calendar()).isEqualTo("Paris");
        // 24 business hours of 8 a day (09:00-12:30, 13:30-18:00): Monday, Tuesday, Wednesday until 18:00 Paris (17:00 UTC).
        assertThat(outcome.sla().respondBy()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
        // 14 business days after Sunday: Thursday 10 December, at the same local time (11:00 Paris).
        assertThat(outcome.sla().recycleAt()).isEqualTo(Instant.parse("2026-12-10T10:00:00Z"));
        assertThat(outcome.reasons()).anyMatch(reason -> reason.rule().equals("SLA: warm MQL"));
    }

    @Test
    void aRowThatNamesAnUnknownCalendarFailsLintBeforeItServes() {
        var problems = new PolicyLint(new ApiLeadFields()).check(PolicyWorkspace.copyOfDefault()
                .setCell("handoff-sla.xlsx", "Hand-off SLA", "SLA: warm MQL", "Calendar (empty: wall-clock hours)", "Lyon").compile());
        assertThat(problems).anyMatch(problem -> problem.toString().contains("calendar 'Lyon' is not in the business calendars (Paris, New York)"));
    }
}
