package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/** The temperature sheet of stage-thresholds.xlsx and the routing table, decision-tables/routing.xlsx. */
class TemperatureRouteTest {

    @Test
    void coldBelowForty() {
        Ledger outcome = evaluate(lead().activity("EMAIL_OPEN", 3, days(1)).activity("EMAIL_CLICK", 3, days(1)));
        assertThat(outcome.total()).isEqualTo(39);
        assertThat(outcome.temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void warmFromForty() {
        Ledger outcome = evaluate(lead().activity("CONTENT_DOWNLOAD", 3, days(1)).activity("PRICING_PAGE_VISIT", days(1)));
        assertThat(outcome.total()).isEqualTo(40);
        assertThat(outcome.temperature()).isEqualTo(Temperature.WARM);
    }

    @Test
    void warmUpToEightyFour() {
        Ledger outcome = evaluate(lead().idealProfile().activity("EMAIL_CLICK", 3, days(1)).activity("PRICING_PAGE_VISIT", days(1)));
        assertThat(outcome.total()).isEqualTo(84);
        assertThat(outcome.temperature()).isEqualTo(Temperature.WARM);
    }

    @Test
    void hotFromEightyFive() {
        Ledger outcome = evaluate(lead().idealProfile().activity("CONTENT_DOWNLOAD", 2, days(1)).activity("EMAIL_OPEN", 3, days(1)));
        assertThat(outcome.total()).isEqualTo(85);
        assertThat(outcome.temperature()).isEqualTo(Temperature.HOT);
    }

    @Test
    void hotOnARequestAtMostFourteenDaysOld() {
        Ledger outcome = evaluate(lead().activity("DEMO_REQUEST", days(14)));
        assertThat(outcome.total()).isEqualTo(30);
        assertThat(outcome.temperature()).isEqualTo(Temperature.HOT);
    }

    @Test
    void notHotOnARequestFifteenDaysOld() {
        assertThat(evaluate(lead().activity("DEMO_REQUEST", days(15))).temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void aBookedMeetingAloneDoesNotMakeALeadHot() {
        assertThat(evaluate(lead().meetingBooked()).temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void leadIsNurtured() {
        assertThat(evaluate(lead()).route()).isEqualTo(Route.NURTURE);
    }

    @Test
    void optedOutLeadIsNeverNurtured() {
        Ledger outcome = evaluate(lead().optedOut());
        assertThat(outcome.route()).isEqualTo(Route.NONE);
    }

    @Test
    void doNotEmailLeadIsNeverNurtured() {
        assertThat(evaluate(lead().doNotEmail()).route()).isEqualTo(Route.NONE);
    }

    @Test
    void mqlGoesToSdr() {
        Ledger outcome = evaluate(lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
        assertThat(outcome.route()).isEqualTo(Route.SDR);
    }

    @Test
    void doNotEmailDoesNotStopAnMqlReachingSdr() {
        assertThat(evaluate(lead().idealProfile().doNotEmail().activity("PRICING_PAGE_VISIT", 2, days(1))).route())
                .isEqualTo(Route.SDR);
    }

    @Test
    void optedOutMqlWithoutItsOwnRequestIsNotRouted() {
        Ledger outcome = evaluate(lead().idealProfile().optedOut().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
        assertThat(outcome.route()).isEqualTo(Route.NONE);
        assertThat(outcome.sla()).isNull();
    }

    @Test
    void optedOutMqlWithItsOwnRequestReachesSdrAndSaysWhy() {
        Ledger outcome = evaluate(lead().idealProfile().optedOut().activity("DEMO_REQUEST", days(1)));
        assertThat(outcome.stage()).isEqualTo(Stage.MQL);
        assertThat(outcome.route()).isEqualTo(Route.SDR);
        assertThat(outcome.reasons()).anyMatch(r -> r.rule().equals("Route: opted-out MQL on its own request")
                && r.message().contains("Opted out, but routed to SDR"));
    }

    @Test
    void optedOutMqlWithABookedMeetingReachesSdr() {
        Ledger outcome = evaluate(lead().idealProfile().optedOut().meetingBooked().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.route()).isEqualTo(Route.SDR);
    }

    @Test
    void sqlAndOpportunityGoToAe() {
        assertThat(evaluate(lead().idealProfile().fullBant()).route()).isEqualTo(Route.AE);
        assertThat(evaluate(lead().idealProfile().fullBant().proposalRequested()).route()).isEqualTo(Route.AE);
    }

    @Test
    void optedOutSqlReachesAeOnlyWithItsOwnRequest() {
        assertThat(evaluate(lead().idealProfile().fullBant().optedOut()).route()).isEqualTo(Route.NONE);
        assertThat(evaluate(lead().idealProfile().fullBant().optedOut().meetingBooked()).route()).isEqualTo(Route.AE);
    }

    @Test
    void disqualifiedGoesNowhere() {
        assertThat(evaluate(lead().idealProfile().seniority(Seniority.STUDENT)).route()).isEqualTo(Route.NONE);
        assertThat(evaluate(lead().competitor().activity("DEMO_REQUEST", days(1))).route()).isEqualTo(Route.NONE);
    }
}
