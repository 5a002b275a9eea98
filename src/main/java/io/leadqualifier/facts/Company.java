package io.leadqualifier.facts;

/** The organisation the contact works for. */
public class Company {
    private String name;
    private String domain;
    private String industry;
    private Integer employees;
    private String country;
    private boolean competitor;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    /** Upper-case industry code such as SOFTWARE; null when unknown. */
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    /** Head count; null when unknown, in which case no size criterion matches. */
    public Integer getEmployees() { return employees; }
    public void setEmployees(Integer employees) { this.employees = employees; }
    /** ISO 3166-1 alpha-2 code, upper case; null when unknown. */
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public boolean isCompetitor() { return competitor; }
    public void setCompetitor(boolean competitor) { this.competitor = competitor; }
}
