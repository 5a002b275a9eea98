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

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
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
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
