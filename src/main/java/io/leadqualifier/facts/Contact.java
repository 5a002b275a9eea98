package io.leadqualifier.facts;

import java.util.Locale;

/** The person behind the lead. */
public class Contact {
    private String email;
    private String firstName;
    private String lastName;
    private String jobTitle;
    private Seniority seniority = Seniority.UNKNOWN;
    private boolean decisionMaker;
    /** Derived from the email when first asked: a rule may compare it with a dozen domains. */
    private String emailDomain;

    public String getEmail() { return email; }
    public void setEmail(String email) {
        this.email = email;
        this.emailDomain = null;
    }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public Seniority getSeniority() { return seniority; }
    public void setSeniority(Seniority seniority) { this.seniority = seniority == null ? Seniority.UNKNOWN : seniority; }
    public boolean isDecisionMaker() { return decisionMaker; }
    public void setDecisionMaker(boolean decisionMaker) { this.decisionMaker = decisionMaker; }

    /** The part of the email after '@', lower case; empty when there is no email. */
    public String getEmailDomain() {
        String domain = emailDomain;
        if (domain == null) {
            int at = email == null ? -1 : email.lastIndexOf('@');
            domain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
            emailDomain = domain;
        }
        return domain;
    }
}
