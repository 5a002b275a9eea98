package io.leadqualifier.facts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The six boxes once every checklist rule has fired, with the score they were checked against. Stage
 * rules match on this one fact.
 */
public final class Checklist {
    private final Set<ChecklistBox> checked;
    private final Score score;

    public Checklist(Set<ChecklistBox> checked, Score score) {
        this.checked = checked.isEmpty() ? EnumSet.noneOf(ChecklistBox.class) : EnumSet.copyOf(checked);
        this.score = score;
    }

    public boolean has(ChecklistBox box) { return checked.contains(box); }
    public boolean isIcpFit() { return has(ChecklistBox.ICP_FIT); }
    public boolean isNeed() { return has(ChecklistBox.NEED); }
    public boolean isBudget() { return has(ChecklistBox.BUDGET); }
    public boolean isAuthority() { return has(ChecklistBox.AUTHORITY); }
    public boolean isTiming() { return has(ChecklistBox.TIMING); }
    public boolean isIntent() { return has(ChecklistBox.INTENT); }
    /** How many of the six boxes are checked. */
    public int getChecked() { return checked.size(); }

    public Score getScore() { return score; }
    public int getFit() { return score.getFit(); }
    public int getEngagement() { return score.getEngagement(); }
    public int getTotal() { return score.getTotal(); }
    public boolean isKnockedOut() { return score.isKnockedOut(); }

    @Override
    public String toString() {
        return "Checklist" + checked;
    }
}
