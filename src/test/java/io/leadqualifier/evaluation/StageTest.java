package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;

/** Knock-outs, the six checklist boxes and the stage sheet of decision-tables/stage-thresholds.xlsx. */
class StageTest {

    @Test
    void bareLeadIsALead() {
        assertThat(evaluate(lead()).getStage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void leadAtSixtyNine() {
        // fit 50 + 3 email opens (15) + 2 website visits (4)
        Outcome outcome = evaluate(lead().idealProfile().activity("EMAIL_OPEN", 3, days(1)).activity("WEBSITE_VISIT", 2, days(1)));

        assertThat(outcome.getTotal()).isEqualTo(69);
        assertThat(outcome.getStage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void mqlWhenTotalReachesSeventy() {
        Outcome outcome = evaluate(lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)));

        assertThat(outcome.getTotal()).isEqualTo(70);
        assertThat(outcome.getStage()).isEqualTo(Stage.MQL);
    }

    @Test
    void sqlWithFiveBoxesIncludingNeed() {
        Outcome outcome = evaluate(lead().idealProfile().fullBant());

        assertThat(outcome.getBoxes()).hasSize(5).contains(ChecklistBox.NEED);
        assertThat(outcome.getStage()).isEqualTo(Stage.SQL);
    }

    @Test
    void fiveBoxesWithoutNeedIsNotSql() {
        Outcome outcome = evaluate(lead().idealProfile().budget().authority().timingMonths(3).meetingBooked());

        assertThat(outcome.getBoxes()).hasSize(5).doesNotContain(ChecklistBox.NEED);
        assertThat(outcome.getStage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void fourBoxesWithNeedIsNotSql() {
        Outcome outcome = evaluate(lead().idealProfile().need().budget().authority());

        assertThat(outcome.getBoxes()).hasSize(4);
        assertThat(outcome.getStage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void sqlOutranksMqlWhenBothHold() {
        Outcome outcome = evaluate(lead().idealProfile().fullBant().activity("DEMO_REQUEST", days(1)));

        assertThat(outcome.getTotal()).isGreaterThanOrEqualTo(70);
        assertThat(outcome.getStage()).isEqualTo(Stage.SQL);
    }

    @Test
    void opportunityWhenSqlAndProposalRequested() {
        assertThat(evaluate(lead().idealProfile().fullBant().proposalRequested()).getStage()).isEqualTo(Stage.OPPORTUNITY);
    }

    @Test
    void opportunityWhenSqlAndNegotiationStarted() {
        assertThat(evaluate(lead().idealProfile().fullBant().negotiationStarted()).getStage()).isEqualTo(Stage.OPPORTUNITY);
    }

    @Test
    void proposalWithoutSqlIsNoOpportunity() {
        assertThat(evaluate(lead().idealProfile().proposalRequested()).getStage()).isEqualTo(Stage.LEAD);
    }

    @Test
    void studentIsDisqualifiedWhateverTheScore() {
        Outcome outcome = evaluate(lead().idealProfile().seniority(Seniority.STUDENT).fullBant().proposalRequested()
                .activity("DEMO_REQUEST", days(1)).activity("CONTENT_DOWNLOAD", 3, days(1)));

        assertThat(outcome.getStage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(outcome.getReasons()).anyMatch(r -> r.rule().equals("Knock-out: student"));
    }

    @Test
    void competitorIsDisqualifiedWhateverTheScore() {
        Outcome outcome = evaluate(lead().idealProfile().competitor().fullBant().proposalRequested());

        assertThat(outcome.getStage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(outcome.getReasons()).anyMatch(r -> r.rule().equals("Knock-out: competitor"));
    }

    @Test
    void icpFitBoxAtFitThirty() {
        assertThat(evaluate(lead().industry("SOFTWARE").employees(250)).getBoxes()).containsExactly(ChecklistBox.ICP_FIT);
        // industry 15 + manager 10 = 25
        assertThat(evaluate(lead().industry("SOFTWARE").seniority(Seniority.MANAGER)).getBoxes()).isEmpty();
    }

    @Test
    void bantBoxes() {
        assertThat(evaluate(lead().need()).getBoxes()).containsExactly(ChecklistBox.NEED);
        assertThat(evaluate(lead().budget()).getBoxes()).containsExactly(ChecklistBox.BUDGET);
        assertThat(evaluate(lead().authority()).getBoxes()).containsExactly(ChecklistBox.AUTHORITY);
    }

    @Test
    void authorityBoxAlsoForADecisionMaker() {
        assertThat(evaluate(lead().decisionMaker()).getBoxes()).containsExactly(ChecklistBox.AUTHORITY);
        assertThat(evaluate(lead().decisionMaker().authority()).getBoxes()).containsExactly(ChecklistBox.AUTHORITY);
    }

    @ParameterizedTest(name = "timing {0} months: checked {1}")
    @CsvSource({"0, true", "6, true", "7, false"})
    void timingBoxWithinSixMonths(int months, boolean checked) {
        assertThat(evaluate(lead().timingMonths(months)).getBoxes().contains(ChecklistBox.TIMING)).isEqualTo(checked);
    }

    @Test
    void unknownTimingLeavesTheBoxUnchecked() {
        assertThat(evaluate(lead().timingMonths(null)).getBoxes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DEMO_REQUEST", "QUOTE_REQUEST", "CONTACT_REQUEST"})
    void intentBoxForARequestInsideItsWindow(String type) {
        assertThat(evaluate(lead().activity(type, days(59))).getBoxes()).containsExactly(ChecklistBox.INTENT);
        assertThat(evaluate(lead().activity(type, days(60))).getBoxes()).isEmpty();
    }

    @Test
    void intentBoxForABookedMeeting() {
        assertThat(evaluate(lead().meetingBooked()).getBoxes()).containsExactly(ChecklistBox.INTENT);
    }

    @Test
    void otherActivitiesDoNotShowIntent() {
        assertThat(evaluate(lead().activity("PRICING_PAGE_VISIT", days(1))).getBoxes()).isEmpty();
    }
}
