package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/** The temperature sheet of stage-thresholds.xlsx and rules/routing.drl. */
class TemperatureRouteTest {

    @Test
    void coldBelowForty() {
        Outcome outcome = evaluate(lead().activity("EMAIL_OPEN", 3, days(1)).activity("EMAIL_CLICK", 3, days(1)));
        assertThat(outcome.getTotal()).isEqualTo(39);
        assertThat(outcome.getTemperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void warmFromForty() {
        Outcome outcome = evaluate(lead().activity("CONTENT_DOWNLOAD", 3, days(1)).activity("PRICING_PAGE_VISIT", days(1)));
        assertThat(outcome.getTotal()).isEqualTo(40);
        assertThat(outcome.getTemperature()).isEqualTo(Temperature.WARM);
    }

    @Test
    void warmUpToEightyFour() {
        Outcome outcome = evaluate(lead().idealProfile().activity("EMAIL_CLICK", 3, days(1)).activity("PRICING_PAGE_VISIT", days(1)));
        assertThat(outcome.getTotal()).isEqualTo(84);
        assertThat(outcome.getTemperature()).isEqualTo(Temperature.WARM);
    }

    @Test
    void hotFromEightyFive() {
        Outcome outcome = evaluate(lead().idealProfile().activity("CONTENT_DOWNLOAD", 2, days(1)).activity("EMAIL_OPEN", 3, days(1)));
        assertThat(outcome.getTotal()).isEqualTo(85);
        assertThat(outcome.getTemperature()).isEqualTo(Temperature.HOT);
    }

    @Test
    void hotOnARequestAtMostFourteenDaysOld() {
        Outcome outcome = evaluate(lead().activity("DEMO_REQUEST", days(14)));
        assertThat(outcome.getTotal()).isEqualTo(30);
        assertThat(outcome.getTemperature()).isEqualTo(Temperature.HOT);
    }

    @Test
    void notHotOnARequestFifteenDaysOld() {
        assertThat(evaluate(lead().activity("DEMO_REQUEST", days(15))).getTemperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void aBookedMeetingAloneDoesNotMakeALeadHot() {
        assertThat(evaluate(lead().meetingBooked()).getTemperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void leadIsNurtured() {
        assertThat(evaluate(lead()).getRoute()).isEqualTo(Route.NURTURE);
    }

    @Test
    void optedOutLeadIsNeverNurtured() {
        Outcome outcome = evaluate(lead().optedOut());
        assertThat(outcome.getRoute()).isEqualTo(Route.NONE);
    }

    @Test
    void doNotEmailLeadIsNeverNurtured() {
        assertThat(evaluate(lead().doNotEmail()).getRoute()).isEqualTo(Route.NONE);
    }

    @Test
    void mqlGoesToSdr() {
        Outcome outcome = evaluate(lead().idealProfile().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.getStage()).isEqualTo(Stage.MQL);
        assertThat(outcome.getRoute()).isEqualTo(Route.SDR);
    }

    @Test
    void doNotEmailDoesNotStopAnMqlReachingSdr() {
        assertThat(evaluate(lead().idealProfile().doNotEmail().activity("PRICING_PAGE_VISIT", 2, days(1))).getRoute())
                .isEqualTo(Route.SDR);
    }

    @Test
    void optedOutMqlWithoutItsOwnRequestIsNotRouted() {
        Outcome outcome = evaluate(lead().idealProfile().optedOut().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.getStage()).isEqualTo(Stage.MQL);
        assertThat(outcome.getRoute()).isEqualTo(Route.NONE);
        assertThat(outcome.getSla()).isNull();
    }

    @Test
    void optedOutMqlWithItsOwnRequestReachesSdrAndSaysWhy() {
        Outcome outcome = evaluate(lead().idealProfile().optedOut().activity("DEMO_REQUEST", days(1)));
        assertThat(outcome.getStage()).isEqualTo(Stage.MQL);
        assertThat(outcome.getRoute()).isEqualTo(Route.SDR);
        assertThat(outcome.getReasons()).anyMatch(r -> r.rule().equals("Route: opted-out MQL on its own request")
                && r.message().contains("Opted out, but routed to SDR"));
    }

    @Test
    void optedOutMqlWithABookedMeetingReachesSdr() {
        Outcome outcome = evaluate(lead().idealProfile().optedOut().meetingBooked().activity("PRICING_PAGE_VISIT", 2, days(1)));
        assertThat(outcome.getRoute()).isEqualTo(Route.SDR);
    }

    @Test
    void sqlAndOpportunityGoToAe() {
        assertThat(evaluate(lead().idealProfile().fullBant()).getRoute()).isEqualTo(Route.AE);
        assertThat(evaluate(lead().idealProfile().fullBant().proposalRequested()).getRoute()).isEqualTo(Route.AE);
    }

    @Test
    void optedOutSqlReachesAeOnlyWithItsOwnRequest() {
        assertThat(evaluate(lead().idealProfile().fullBant().optedOut()).getRoute()).isEqualTo(Route.NONE);
        assertThat(evaluate(lead().idealProfile().fullBant().optedOut().meetingBooked()).getRoute()).isEqualTo(Route.AE);
    }

    @Test
    void disqualifiedGoesNowhere() {
        assertThat(evaluate(lead().idealProfile().seniority(Seniority.STUDENT)).getRoute()).isEqualTo(Route.NONE);
        assertThat(evaluate(lead().competitor().activity("DEMO_REQUEST", days(1))).getRoute()).isEqualTo(Route.NONE);
    }
}
