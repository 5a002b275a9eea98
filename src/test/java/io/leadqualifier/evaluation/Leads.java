package io.leadqualifier.evaluation;

import java.time.Duration;
import java.time.Instant;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Seniority;

/** Builds leads for policy specifications; every lead starts bare (fit 0, engagement 0). */
final class Leads {
    static final Instant AS_OF = Instant.parse("2026-11-22T10:00:00Z");

    private final Lead lead = new Lead();

    private Leads() {
        lead.setLeadId("spec-lead");
        lead.setAsOf(AS_OF);
        lead.getContact().setEmail("someone@example.org");
    }

    static Leads lead() {
        return new Leads();
    }

    Leads email(String email) {
        lead.getContact().setEmail(email);
        return this;
    }

    Leads seniority(Seniority seniority) {
        lead.getContact().setSeniority(seniority);
        return this;
    }

    Leads decisionMaker() {
        lead.getContact().setDecisionMaker(true);
        return this;
    }

    Leads industry(String industry) {
        lead.getCompany().setIndustry(industry);
        return this;
    }

    Leads employees(Integer employees) {
        lead.getCompany().setEmployees(employees);
        return this;
    }

    Leads country(String country) {
        lead.getCompany().setCountry(country);
        return this;
    }

    Leads competitor() {
        lead.getCompany().setCompetitor(true);
        return this;
    }

    /** {@code count} activities of a type, each {@code ago} before asOf (negative: in the future). */
    Leads activity(String type, int count, Duration ago) {
        for (int i = 0; i < count; i++) {
            lead.getActivities().add(new Activity(type, AS_OF.minus(ago), null));
        }
        return this;
    }

    Leads activity(String type, Duration ago) {
        return activity(type, 1, ago);
    }

    Leads need() {
        lead.getBant().setNeed(true);
        return this;
    }

    Leads budget() {
        lead.getBant().setBudget(true);
        return this;
    }

    Leads authority() {
        lead.getBant().setAuthority(true);
        return this;
    }

    Leads timingMonths(Integer months) {
        lead.getBant().setTimingMonths(months);
        return this;
    }

    Leads meetingBooked() {
        lead.getSales().setMeetingBooked(true);
        return this;
    }

    Leads proposalRequested() {
        lead.getSales().setProposalRequested(true);
        return this;
    }

    Leads negotiationStarted() {
        lead.getSales().setNegotiationStarted(true);
        return this;
    }

    Leads optedOut() {
        lead.getConsent().setOptedOut(true);
        return this;
    }

    Leads doNotEmail() {
        lead.getConsent().setDoNotEmail(true);
        return this;
    }

    /** Fit 50: software, 250 employees, director, France. */
    Leads idealProfile() {
        return industry("SOFTWARE").employees(250).seniority(Seniority.DIRECTOR).country("FR");
    }

    /** Need, budget, authority, timing: four BANT boxes. */
    Leads fullBant() {
        return need().budget().authority().timingMonths(3);
    }

    Lead build() {
        return lead;
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
