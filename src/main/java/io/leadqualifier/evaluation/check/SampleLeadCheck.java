package io.leadqualifier.evaluation.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.evaluation.EvaluationFailedException;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.policy.check.PolicyCheck;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * A candidate policy must decide on a bare lead and on a busy one without failing, looping or leaving the
 * stage, temperature or route unset. ({@link SampleLeadWarmUp} evaluates them again, once the policy serves.)
 */
@ApplicationScoped
public class SampleLeadCheck implements PolicyCheck {
    private static final Instant AS_OF = Instant.parse("2026-01-15T12:00:00Z");

    private final LeadEvaluator evaluator;

    SampleLeadCheck(LeadEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<PolicyProblem> check(CompiledPolicy policy) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (Lead lead : List.of(bareLead(), busyLead())) {
            try {
                evaluator.evaluate(policy, lead);
            } catch (EvaluationFailedException e) {
                problems.add(new PolicyProblem("policy", "sample lead " + lead.getLeadId(), e.getMessage()));
            }
        }
        return problems;
    }

    static Lead bareLead() {
        Lead lead = new Lead();
        lead.setLeadId("sample-bare");
        lead.setAsOf(AS_OF);
        lead.getContact().setEmail("someone@example.com");
        return lead;
    }

    static Lead busyLead() {
        Lead lead = bareLead();
        lead.setLeadId("sample-busy");
        lead.getContact().setSeniority(Seniority.DIRECTOR);
        lead.getContact().setDecisionMaker(true);
        lead.getCompany().setIndustry("SOFTWARE");
        lead.getCompany().setEmployees(300);
        lead.getCompany().setCountry("FR");
        lead.getBant().setNeed(true);
        lead.getBant().setBudget(true);
        lead.getBant().setTimingMonths(3);
        lead.getSales().setProposalRequested(true);
        lead.getConsent().setOptedOut(true);
        for (String type : List.of("EMAIL_OPEN", "EMAIL_OPEN", "DEMO_REQUEST", "WEBSITE_VISIT", "UNSUBSCRIBE", "SAMPLE_UNKNOWN")) {
            lead.getActivities().add(new Activity(type, AS_OF.minusSeconds(86_400 * 3), null));
        }
        return lead;
    }
}
