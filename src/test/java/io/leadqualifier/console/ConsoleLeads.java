package io.leadqualifier.console;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;

/** Leads the console's tests qualify through the API, as a CRM would, each with a lead id of its own. */
final class ConsoleLeads {
    private static final AtomicInteger LEADS = new AtomicInteger();

    private ConsoleLeads() {
    }

    static String newLead(String prefix) {
        return prefix + "-" + LEADS.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /**
     * A director of a 250-person software company in France (fit 50) with a download, two email opens and two visits:
     * an MQL handed to the SDR queue, 24 h to respond from {@code asOf}.
     */
    static String qualifyMql(String leadId, Instant asOf) {
        String[] types = {"CONTENT_DOWNLOAD", "EMAIL_OPEN", "EMAIL_OPEN", "WEBSITE_VISIT", "WEBSITE_VISIT"};
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            activities.append(i == 0 ? "" : ",").append("{\"type\":\"").append(types[i]).append("\",\"at\":\"")
                    .append(asOf.minus(Duration.ofDays(i + 1))).append("\"}");
        }
        return qualify("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\"DIRECTOR\"},"
                + "\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"},\"activities\":[" + activities + "]}");
    }

    /** The same company with no engagement: a LEAD (fit 50, 20 points short of MQL), nurtured. */
    static String qualifyLead(String leadId, Instant asOf) {
        return qualify("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\"DIRECTOR\"},"
                + "\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"}}");
    }

    private static String qualify(String body) {
        return TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/qualify")
                .then().statusCode(200).extract().path("decisionId");
    }
}
