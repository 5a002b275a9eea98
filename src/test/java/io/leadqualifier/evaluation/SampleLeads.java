package io.leadqualifier.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Seniority;

/**
 * Realistic B2B leads from a seeded generator: mostly thin leads with a few interactions, some busy ones,
 * a minority with BANT answers, opt-outs, students and competitors. Same seed, same leads. Used by tests
 * and by the benchmarks (src/jmh).
 */
public final class SampleLeads {
    public static final Instant AS_OF = Instant.parse("2026-11-22T10:00:00Z");
    private static final String[] INDUSTRIES = {"SOFTWARE", "FINANCE", "INSURANCE", "HEALTHCARE", "MANUFACTURING", "RETAIL",
            "EDUCATION", "GOVERNMENT", "MEDIA", "LOGISTICS"};
    private static final String[] COUNTRIES = {"FR", "FR", "FR", "BE", "DE", "ES", "IT", "GB", "US", "CA", "BR", "IN", "JP"};
    private static final String[] DOMAINS = {"acme.fr", "globex.com", "initech.de", "gmail.com", "hotmail.fr", "umbrella.io"};
    private static final List<String> TYPES = List.of("EMAIL_OPEN", "EMAIL_OPEN", "EMAIL_OPEN", "EMAIL_CLICK", "WEBSITE_VISIT",
            "WEBSITE_VISIT", "WEBSITE_VISIT", "PRICING_PAGE_VISIT", "CONTENT_DOWNLOAD", "NEWSLETTER_SIGNUP",
            "WEBINAR_REGISTRATION", "WEBINAR_ATTENDED", "EVENT_VISIT", "CONTACT_REQUEST", "DEMO_REQUEST", "QUOTE_REQUEST",
            "UNSUBSCRIBE", "EMAIL_BOUNCE", "CHAT_STARTED");

    private SampleLeads() {
    }

    public static Lead[] generate(int count, long seed) {
        Random random = new Random(seed);
        Lead[] leads = new Lead[count];
        for (int i = 0; i < count; i++) {
            Lead lead = new Lead();
            lead.setLeadId("bench-" + i);
            lead.setAsOf(AS_OF);
            lead.getContact().setEmail("contact" + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
            double s = random.nextDouble();
            lead.getContact().setSeniority(s < 0.03 ? Seniority.STUDENT : s < 0.15 ? Seniority.C_LEVEL : s < 0.25 ? Seniority.VP
                    : s < 0.40 ? Seniority.DIRECTOR : s < 0.65 ? Seniority.MANAGER : s < 0.90 ? Seniority.INDIVIDUAL : Seniority.UNKNOWN);
            lead.getContact().setDecisionMaker(random.nextDouble() < 0.15);
            lead.getCompany().setIndustry(random.nextDouble() < 0.1 ? null : INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
            lead.getCompany().setEmployees(random.nextDouble() < 0.1 ? null : (int) Math.exp(random.nextDouble() * 10));
            lead.getCompany().setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            lead.getCompany().setCompetitor(random.nextDouble() < 0.01);
            lead.getConsent().setOptedOut(random.nextDouble() < 0.05);
            lead.getConsent().setDoNotEmail(random.nextDouble() < 0.05);
            // One lead in six is being worked by sales: BANT mostly answered, proposals more likely.
            boolean worked = random.nextDouble() < 0.17;
            double bant = worked ? 0.8 : 0.15;
            lead.getBant().setNeed(random.nextDouble() < bant);
            lead.getBant().setBudget(random.nextDouble() < bant);
            lead.getBant().setAuthority(random.nextDouble() < bant);
            lead.getBant().setTimingMonths(random.nextDouble() < (worked ? 0.2 : 0.7) ? null : random.nextInt(worked ? 8 : 18));
            lead.getSales().setMeetingBooked(random.nextDouble() < (worked ? 0.5 : 0.05));
            lead.getSales().setProposalRequested(random.nextDouble() < (worked ? 0.3 : 0.01));
            lead.getSales().setNegotiationStarted(random.nextDouble() < (worked ? 0.15 : 0.0));
            int activities = random.nextDouble() < 0.1 ? 20 + random.nextInt(40) : random.nextInt(12);
            for (int a = 0; a < activities; a++) {
                lead.getActivities().add(new Activity(TYPES.get(random.nextInt(TYPES.size())),
                        AS_OF.minus(Duration.ofHours(random.nextInt(24 * 400))), null));
            }
            leads[i] = lead;
        }
        return leads;
    }
}
