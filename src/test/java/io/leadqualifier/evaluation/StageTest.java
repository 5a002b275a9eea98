package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;

/** Knock-outs, the six checklist boxes and the stage sheet of decision-tables/stage-thresholds.xlsx. */
class StageTest {

    @Test
    void bareLeadIsALead() {
        assertThat(evaluate(lead()).stage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void leadAtSixtyNine() {
        // fit 50 + 3 email opens (15) + 2 website visits (4)
        Ledger outcome = evaluate(lead().idealProfile().activity("EMAIL_OPEN", 3, days(1)).activity("WEBSITE_VISIT", 2, days(1)));

        assertThat(outcome.total()).isEqualTo(69);
        assertThat(outcome.stage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void mqlWhenTotalReachesSeventy() {
        Ledger outcome = evaluate(lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)));

        assertThat(outcome.total()).isEqualTo(70);
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void sqlWithFiveBoxesIncludingNeed() {
        Ledger outcome = evaluate(lead().idealProfile().fullBant());

        assertThat(outcome.boxes()).hasSize(5).contains(ChecklistBox.NEED);
        assertThat(outcome.stage()).isEqualTo(Stage.SQL);
    }

    @Test
    void fiveBoxesWithoutNeedIsNotSql() {
        Ledger outcome = evaluate(lead().idealProfile().budget().authority().timingMonths(3).meetingBooked());

        assertThat(outcome.boxes()).hasSize(5).doesNotContain(ChecklistBox.NEED);
        assertThat(outcome.stage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void fourBoxesWithNeedIsNotSql() {
        Ledger outcome = evaluate(lead().idealProfile().need().budget().authority());

        assertThat(outcome.boxes()).hasSize(4);
        assertThat(outcome.stage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void sqlOutranksMqlWhenBothHold() {
        Ledger outcome = evaluate(lead().idealProfile().fullBant().activity("DEMO_REQUEST", days(1)));

        assertThat(outcome.total()).isGreaterThanOrEqualTo(70);
        assertThat(outcome.stage()).isEqualTo(Stage.SQL);
    }

    @Test
    void opportunityWhenSqlAndProposalRequested() {
        assertThat(evaluate(lead().idealProfile().fullBant().proposalRequested()).stage()).isEqualTo(Stage.OPPORTUNITY);
    }

    @Test
    void opportunityWhenSqlAndNegotiationStarted() {
        assertThat(evaluate(lead().idealProfile().fullBant().negotiationStarted()).stage()).isEqualTo(Stage.OPPORTUNITY);
    }

    @Test
    void proposalWithoutSqlIsNoOpportunity() {
        assertThat(evaluate(lead().idealProfile().proposalRequested()).stage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void studentIsDisqualifiedWhateverTheScore() {
        Ledger outcome = evaluate(lead().idealProfile().seniority(Seniority.STUDENT).fullBant().proposalRequested()
                .activity("DEMO_REQUEST", days(1)).activity("CONTENT_DOWNLOAD", 3, days(1)));

        assertThat(outcome.stage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(outcome.reasons()).anyMatch(r -> r.rule().equals("Knock-out: student"));
    }

    @Test
    void competitorIsDisqualifiedWhateverTheScore() {
        Ledger outcome = evaluate(lead().idealProfile().competitor().fullBant().proposalRequested());

        assertThat(outcome.stage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(outcome.reasons()).anyMatch(r -> r.rule().equals("Knock-out: competitor"));
    }

    @Test
    void icpFitBoxAtFitThirty() {
        assertThat(evaluate(lead().industry("SOFTWARE").employees(250)).boxes()).containsExactly(ChecklistBox.ICP_FIT);
        // industry 15 + manager 10 = 25
        assertThat(evaluate(lead().industry("SOFTWARE").seniority(Seniority.MANAGER)).boxes()).isEmpty();
    }

    @Test
    void bantBoxes() {
        assertThat(evaluate(lead().need()).boxes()).containsExactly(ChecklistBox.NEED);
        assertThat(evaluate(lead().budget()).boxes()).containsExactly(ChecklistBox.BUDGET);
        assertThat(evaluate(lead().authority()).boxes()).containsExactly(ChecklistBox.AUTHORITY);
    }

    @Test
    void authorityBoxAlsoForADecisionMaker() {
        assertThat(evaluate(lead().decisionMaker()).boxes()).containsExactly(ChecklistBox.AUTHORITY);
        assertThat(evaluate(lead().decisionMaker().authority()).boxes()).containsExactly(ChecklistBox.AUTHORITY);
    }

    @ParameterizedTest(name = "timing {0} months: checked {1}")
    @CsvSource({"0, true", "6, true", "7, false"})
    void timingBoxWithinSixMonths(int months, boolean checked) {
        assertThat(evaluate(lead().timingMonths(months)).boxes().contains(ChecklistBox.TIMING)).isEqualTo(checked);
    }

    @Test
    void unknownTimingLeavesTheBoxUnchecked() {
        assertThat(evaluate(lead().timingMonths(null)).boxes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DEMO_REQUEST", "QUOTE_REQUEST", "CONTACT_REQUEST"})
    void intentBoxForARequestInsideItsWindow(String type) {
        assertThat(evaluate(lead().activity(type, days(59))).boxes()).containsExactly(ChecklistBox.INTENT);
        assertThat(evaluate(lead().activity(type, days(60))).boxes()).isEmpty();
    }

    @Test
    void intentBoxForABookedMeeting() {
        assertThat(evaluate(lead().meetingBooked()).boxes()).containsExactly(ChecklistBox.INTENT);
    }

    @Test
    void otherActivitiesDoNotShowIntent() {
        assertThat(evaluate(lead().activity("PRICING_PAGE_VISIT", days(1))).boxes()).isEmpty();
    }
}
