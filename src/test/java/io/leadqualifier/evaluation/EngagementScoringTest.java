package io.leadqualifier.evaluation;

import static io.leadqualifier.evaluation.DefaultPolicy.evaluate;
import static io.leadqualifier.evaluation.Leads.days;
import static io.leadqualifier.evaluation.Leads.lead;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadqualifier.facts.Reason;

/** decision-tables/engagement-scoring.xlsx: points × count inside the window, capped. */
class EngagementScoringTest {

    @ParameterizedTest(name = "{0}: {1} points, cap {2}, window {3} days")
    @CsvSource({
            "EMAIL_OPEN, 5, 15, 90",
            "EMAIL_CLICK, 8, 24, 90",
            "NEWSLETTER_SIGNUP, 5, 5, 365",
            "WEBSITE_VISIT, 2, 10, 30",
            "PRICING_PAGE_VISIT, 10, 20, 30",
            "CONTENT_DOWNLOAD, 10, 30, 90",
            "WEBINAR_REGISTRATION, 10, 10, 90",
            "WEBINAR_ATTENDED, 15, 30, 90",
            "EVENT_VISIT, 10, 20, 180",
            "CONTACT_REQUEST, 25, 25, 60",
            "DEMO_REQUEST, 30, 30, 60",
            "QUOTE_REQUEST, 30, 30, 60",
            "UNSUBSCRIBE, -20, 20, 365",
            "EMAIL_BOUNCE, -10, 10, 365" })
    void eachActivityTypeScoresItsPointsCappedInsideItsWindow(String type, int points, int cap, int window) {
        assertThat(evaluate(lead().activity(type, days(1))).engagement())
                .as("one %s", type).isEqualTo(points);

        int many = cap / Math.abs(points) + 3;
        assertThat(evaluate(lead().activity(type, many, days(1))).engagement())
                .as("%d × %s is capped", many, type).isEqualTo(points > 0 ? cap : -cap);

        Duration edge = days(window);
        assertThat(evaluate(lead().activity(type, edge)).engagement())
                .as("exactly at the window edge is out").isZero();
        assertThat(evaluate(lead().activity(type, edge.minusSeconds(1))).engagement())
                .as("one second inside the window counts").isEqualTo(points);
        assertThat(evaluate(lead().activity(type, Duration.ofMinutes(-1))).engagement())
                .as("an activity after asOf is out").isZero();
    }

    @Test
    void reasonNamesTheTableRowAndCountsActivitiesInsideTheWindow() {
        Ledger outcome = evaluate(lead().activity("CONTENT_DOWNLOAD", days(2)).activity("CONTENT_DOWNLOAD", days(200)));

        assertThat(outcome.reasons()).contains(new Reason("Engagement: CONTENT_DOWNLOAD",
                "decision-tables/engagement-scoring.xlsx", 10,
                "1 × CONTENT_DOWNLOAD in the last 90 days (1 outside the window)"));
    }

    @Test
    void cappedContributionSaysSo() {
        Ledger outcome = evaluate(lead().activity("EMAIL_OPEN", 5, days(1)));

        assertThat(outcome.reasons()).extracting(Reason::message)
                .contains("5 × EMAIL_OPEN in the last 90 days, capped at 15");
    }

    @Test
    void unknownActivityTypeScoresZeroWithAReason() {
        Ledger outcome = evaluate(lead().activity("PODCAST_LISTEN", 3, days(1)));

        assertThat(outcome.engagement()).isZero();
        assertThat(outcome.reasons()).contains(new Reason("Engagement: unknown activity type", "rules/assessment.drl",
                null, "3 × PODCAST_LISTEN: not in the engagement table, scores 0"));
    }

    @Test
    void activityTypesAreMatchedWhateverTheirCase() {
        assertThat(evaluate(lead().activity("demo_request", days(1))).engagement()).isEqualTo(30);
    }

    @Test
    void negativeEngagementLowersTheTotalButNotBelowZero() {
        Ledger outcome = evaluate(lead().activity("UNSUBSCRIBE", days(1)).activity("EMAIL_OPEN", days(1)));

        assertThat(outcome.engagement()).isEqualTo(-15);
        assertThat(outcome.total()).isZero();
    }
}
