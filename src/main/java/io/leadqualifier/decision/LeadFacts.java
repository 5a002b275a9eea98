package io.leadqualifier.decision;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Bant;
import io.leadqualifier.facts.Company;
import io.leadqualifier.facts.Consent;
import io.leadqualifier.facts.Contact;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.SalesHistory;
import io.leadqualifier.facts.SalesSignals;
import io.leadqualifier.facts.Source;

/** Turns a request into the facts rules see. A fresh graph per evaluation: rules may not share facts. */
public final class LeadFacts {

    private LeadFacts() {
    }

    public static Lead of(QualifyRequest request) {
        Lead lead = new Lead();
        lead.setLeadId(request.leadId());
        lead.setAsOf(request.asOf());

        Contact contact = new Contact();
        contact.setEmail(request.contact().email());
        contact.setFirstName(request.contact().firstName());
        contact.setLastName(request.contact().lastName());
        contact.setJobTitle(request.contact().jobTitle());
        contact.setSeniority(request.contact().seniority());
        contact.setDecisionMaker(request.contact().decisionMaker());
        lead.setContact(contact);

        Company company = new Company();
        company.setName(request.company().name());
        company.setDomain(request.company().domain());
        company.setIndustry(request.company().industry());
        company.setEmployees(request.company().employees());
        company.setCountry(request.company().country());
        company.setCompetitor(request.company().competitor());
        lead.setCompany(company);

        Source source = new Source();
        source.setKind(request.source().kind());
        source.setChannel(request.source().channel());
        lead.setSource(source);

        Consent consent = new Consent();
        consent.setOptedOut(request.consent().optedOut());
        consent.setDoNotEmail(request.consent().doNotEmail());
        consent.setDoNotCall(request.consent().doNotCall());
        consent.setLegalBasis(request.consent().legalBasis());
        lead.setConsent(consent);

        for (QualifyRequest.Activity activity : request.activities()) {
            lead.getActivities().add(new Activity(activity.type(), activity.at(), activity.detail()));
        }

        Bant bant = new Bant();
        bant.setBudget(request.bant().budget());
        bant.setAuthority(request.bant().authority());
        bant.setNeed(request.bant().need());
        bant.setTimingMonths(request.bant().timingMonths());
        lead.setBant(bant);

        SalesSignals sales = new SalesSignals();
        sales.setQualificationCallHeld(request.sales().qualificationCallHeld());
        sales.setMeetingBooked(request.sales().meetingBooked());
        sales.setProposalRequested(request.sales().proposalRequested());
        sales.setNegotiationStarted(request.sales().negotiationStarted());
        lead.setSales(sales);

        QualifyRequest.History history = request.history();
        lead.setHistory(history == null ? new SalesHistory(request.asOf())
                : new SalesHistory(request.asOf(), history.status(), history.queue(), history.handedOffAt(), history.contactedAt(),
                        history.lastRejectedAt(), history.lastRejectionReason(), history.heldUntil(), history.recycleCount(),
                        history.lastRecycledAt(), history.closedAs()));
        return lead;
    }
}
