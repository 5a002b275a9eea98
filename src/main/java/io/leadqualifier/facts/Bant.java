package io.leadqualifier.facts;

/** Budget, Authority, Need, Timing as sales recorded them. */
public class Bant {
    private boolean budget;
    private boolean authority;
    private boolean need;
    private Integer timingMonths;

    public boolean isBudget() { return budget; }
    public void setBudget(boolean budget) { this.budget = budget; }
    public boolean isAuthority() { return authority; }
    public void setAuthority(boolean authority) { this.authority = authority; }
    public boolean isNeed() { return need; }
    public void setNeed(boolean need) { this.need = need; }
    /** Purchase horizon in months; null when unknown, in which case the timing box stays unchecked. */
    public Integer getTimingMonths() { return timingMonths; }
    public void setTimingMonths(Integer timingMonths) { this.timingMonths = timingMonths; }
}
