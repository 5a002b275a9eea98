package io.leadqualifier.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lead as rules see it. {@code asOf} is the evaluation instant: rules compare dates against it,
 * never against the system clock, so the same facts always give the same decision.
 */
public class Lead {
    private String leadId;
    private Instant asOf;
    private Contact contact = new Contact();
    private Company company = new Company();
    private Source source = new Source();
    private Consent consent = new Consent();
    private Bant bant = new Bant();
    private SalesSignals sales = new SalesSignals();
    private List<Activity> activities = new ArrayList<>();
    private SalesHistory history;

    public String getLeadId() { return leadId; }
    public void setLeadId(String leadId) { this.leadId = leadId; }
    public Instant getAsOf() { return asOf; }
    public void setAsOf(Instant asOf) { this.asOf = asOf; }
    public Contact getContact() { return contact; }
    public void setContact(Contact contact) { this.contact = contact; }
    public Company getCompany() { return company; }
    public void setCompany(Company company) { this.company = company; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public Consent getConsent() { return consent; }
    public void setConsent(Consent consent) { this.consent = consent; }
    public Bant getBant() { return bant; }
    public void setBant(Bant bant) { this.bant = bant; }
    public SalesSignals getSales() { return sales; }
    public void setSales(SalesSignals sales) { this.sales = sales; }
    public List<Activity> getActivities() { return activities; }
    public void setActivities(List<Activity> activities) { this.activities = activities; }
    /** The lead's lifecycle at asOf; empty (not known) for a lead never seen. */
    public SalesHistory getHistory() {
        if (history == null) {
            history = new SalesHistory(asOf);
        }
        return history;
    }
    public void setHistory(SalesHistory history) { this.history = history; }
}
