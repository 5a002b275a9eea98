package io.leadqualifier.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules of one evaluation write: score contributions, checklist boxes, stage, temperature,
 * route, SLA and the reasons for each. It is the DRL global {@code outcome}.
 * <p>
 * Every entry is attributed to the rule firing when it was written (the engine calls
 * {@link #beginRule} before each rule), so a rule only says what it decides and the audit trail names
 * it. Rules hand results to later phases by inserting the immutable snapshots this class returns
 * ({@link #score()}, {@link #checklist()}, {@link #stage}, ...), never by modifying facts: a
 * modification re-matches every rule that reads the fact, which is what made earlier prototypes slow.
 */
public class Outcome {
    private final Instant asOf;
    private final Hypothesis hypothesis;
    private final List<FiredRule> firedRules = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> scoredActivityTypes = new LinkedHashSet<>();
    private final Set<ChecklistBox> boxes = EnumSet.noneOf(ChecklistBox.class);
    private String rule;
    private String source;
    private Entry current;
    private boolean knockedOut;
    private Score score;
    private Checklist checklist;
    private Stage stage;
    private Temperature temperature;
    private Route route;
    private SlaTerms slaTerms;
    private Entry stageEntry;
    private Entry temperatureEntry;
    private Entry routeEntry;

    public Outcome(Instant asOf) {
        this(asOf, Hypothesis.NONE);
    }

    /** An outcome under a what-if, for explanations only. */
    public Outcome(Instant asOf, Hypothesis hypothesis) {
        this.asOf = asOf;
        this.hypothesis = hypothesis;
    }

    /** Called by the engine before each rule fires; not for rule authors. */
    public void beginRule(String name, String sourcePath) {
        rule = name;
        source = sourcePath;
        current = null;
        firedRules.add(new FiredRule(firedRules.size() + 1, name, sourcePath));
    }

    public Instant getAsOf() { return asOf; }

    // ---- written by rules -------------------------------------------------------------------

    /** The fit contribution of the firing rule; set its points with {@link FitPoints#points(int)}. */
    public FitPoints fit() {
        if (current instanceof FitPoints fit) {
            return fit;
        }
        return add(new FitPoints(rule, source));
    }

    /** The engagement contribution of the firing rule for the activities of one type. */
    public EngagementPoints engagement(ActivityTally tally) {
        if (current instanceof EngagementPoints points && points.tally == tally) {
            return points;
        }
        scoredActivityTypes.add(tally.getType());
        return add(new EngagementPoints(rule, source, tally));
    }

    /** Puts a human sentence on what the firing rule wrote (or records it as a reason of its own). */
    public void because(String message) {
        if (current == null) {
            add(new Entry(rule, source, message));
        } else {
            current.because = message;
        }
    }

    /** A reason without points or effect, for rules that explain rather than decide. */
    public void note(String message) {
        add(new Entry(rule, source, message));
    }

    /** The lead is out of the ideal customer profile whatever its score. */
    public void knockOut(String why) {
        knockedOut = true;
        add(new KnockOut(rule, source, why));
    }

    public void check(ChecklistBox box) {
        boxes.add(box);
        add(new BoxEntry(rule, source, box));
    }

    public AssignedStage stage(Stage chosen) {
        stage = chosen;
        String context = checklist == null ? "" : " (total " + checklist.getTotal() + ", " + checklist.getChecked()
                + " of " + ChecklistBox.values().length + " boxes)";
        stageEntry = add(new Entry(rule, source, "Stage " + chosen + context));
        return new AssignedStage(chosen);
    }

    public AssignedTemperature temperature(Temperature chosen) {
        temperature = chosen;
        temperatureEntry = add(new Entry(rule, source, "Temperature " + chosen + (score == null ? "" : " (total " + score.getTotal() + ")")));
        return new AssignedTemperature(chosen);
    }

    public AssignedRoute route(Route chosen) {
        route = chosen;
        routeEntry = add(new Entry(rule, source, "Route " + chosen));
        return new AssignedRoute(chosen);
    }

    /** The hand-off terms of the firing rule; the first SLA rule to fire is the one that applies. */
    public SlaTerms sla() {
        if (current instanceof SlaTerms terms) {
            return terms;
        }
        SlaTerms terms = add(new SlaTerms(rule, source));
        if (slaTerms == null) {
            slaTerms = terms;
        } else {
            terms.because = "ignored: \"" + slaTerms.rule + "\" fired first";
        }
        return terms;
    }

    /** Snapshot of the scores, to insert once every scoring rule has fired. */
    public Score score() {
        Instant latestIntent = null;
        for (Entry entry : entries) {
            if (entry instanceof EngagementPoints points && points.buyingIntent) {
                Instant latest = points.window().latest();
                if (latest != null && (latestIntent == null || latest.isAfter(latestIntent))) {
                    latestIntent = latest;
                }
            }
        }
        score = new Score(getFit(), getEngagement() + hypothesis.extraPoints(), knockedOut, scoredActivityTypes, latestIntent, asOf);
        return score;
    }

    /** Snapshot of the checklist, to insert once every checklist rule has fired. */
    public Checklist checklist() {
        Set<ChecklistBox> checked = EnumSet.noneOf(ChecklistBox.class);
        checked.addAll(boxes);
        checked.addAll(hypothesis.extraBoxes());
        checklist = new Checklist(checked, score == null ? score() : score);
        return checklist;
    }

    // ---- read by the service once the rules have fired -----------------------------------------

    public List<FiredRule> getFiredRules() { return Collections.unmodifiableList(firedRules); }

    public List<Reason> getReasons() {
        List<Reason> reasons = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            reasons.add(new Reason(entry.rule, entry.source, entry.points(), entry.message()));
        }
        return reasons;
    }

    /** The fit ledger: one reason per fit contribution, in firing order; their points sum to {@link #getFit()}. */
    public List<Reason> getFitLedger() {
        return reasons(FitPoints.class);
    }

    /** The engagement ledger; its points sum to {@link #getEngagement()}. */
    public List<Reason> getEngagementLedger() {
        return reasons(EngagementPoints.class);
    }

    /** The rules that checked each box, in firing order. */
    public java.util.Map<ChecklistBox, List<String>> getBoxRules() {
        java.util.Map<ChecklistBox, List<String>> rules = new java.util.EnumMap<>(ChecklistBox.class);
        for (Entry entry : entries) {
            if (entry instanceof BoxEntry checked) {
                rules.computeIfAbsent(checked.box, box -> new ArrayList<>()).add(entry.rule);
            }
        }
        return rules;
    }

    /** The knock-outs that hold, with their rules. */
    public List<Reason> getKnockOuts() {
        return reasons(KnockOut.class);
    }

    /** The reason the stage is what it is (its rule and words); null before one is assigned. */
    public Reason getStageReason() { return reason(stageEntry); }
    public Reason getTemperatureReason() { return reason(temperatureEntry); }
    public Reason getRouteReason() { return reason(routeEntry); }
    /** The SLA rule that applies; null when none fired. */
    public Reason getSlaReason() { return reason(slaTerms); }

    private List<Reason> reasons(Class<? extends Entry> kind) {
        List<Reason> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (kind.isInstance(entry)) {
                found.add(reason(entry));
            }
        }
        return found;
    }

    private static Reason reason(Entry entry) {
        return entry == null ? null : new Reason(entry.rule, entry.source, entry.points(), entry.message());
    }

    public int getFit() {
        int sum = 0;
        for (Entry entry : entries) {
            if (entry instanceof FitPoints fit) {
                sum += fit.points;
            }
        }
        return sum;
    }

    public int getEngagement() {
        int sum = 0;
        for (Entry entry : entries) {
            if (entry instanceof EngagementPoints points) {
                sum += points.contribution();
            }
        }
        return sum;
    }

    public int getTotal() { return Math.max(0, getFit() + getEngagement()); }
    public boolean isKnockedOut() { return knockedOut; }
    public Set<ChecklistBox> getBoxes() { return Collections.unmodifiableSet(boxes); }
    public Stage getStage() { return stage; }
    public Temperature getTemperature() { return temperature; }
    public Route getRoute() { return route; }

    /** The SLA, or null for stages without one and for leads routed nowhere. */
    public Sla getSla() {
        if (slaTerms == null || route == null || route == Route.NONE) {
            return null;
        }
        return slaTerms.toSla(asOf);
    }

    private <E extends Entry> E add(E entry) {
        entries.add(entry);
        current = entry;
        return entry;
    }

    /** One line of the ledger. */
    public static class Entry {
        final String rule;
        final String source;
        /** What the entry says by itself ("Route NONE"), or null when only the rule's words matter. */
        final String text;
        /** The rule author's words, from {@link Outcome#because(String)}. */
        String because;

        Entry(String rule, String source, String text) {
            this.rule = rule;
            this.source = source;
            this.text = text;
        }

        Integer points() { return null; }

        final String message() {
            String own = text();
            if (because == null) {
                return own == null ? rule : own;
            }
            return own == null ? because : own + ": " + because;
        }

        String text() { return text; }
    }

    /** A knock-out that holds. */
    static final class KnockOut extends Entry {
        KnockOut(String rule, String source, String why) {
            super(rule, source, why);
        }
    }

    /** A checked box. */
    static final class BoxEntry extends Entry {
        final ChecklistBox box;

        BoxEntry(String rule, String source, ChecklistBox box) {
            super(rule, source, "Box " + box + " checked");
            this.box = box;
        }
    }

    /** Points a fit criterion gives. */
    public static final class FitPoints extends Entry {
        private int points;

        FitPoints(String rule, String source) {
            super(rule, source, null);
        }

        public FitPoints points(int value) {
            points = value;
            return this;
        }

        @Override
        Integer points() { return points; }
    }

    /** Points × count of the activities of one type inside a window, capped in absolute value. */
    public static final class EngagementPoints extends Entry {
        private final ActivityTally tally;
        private int points;
        private Integer cap;
        private Integer windowDays;
        private boolean buyingIntent;
        /** The tally counted in {@link #windowDays}, once asked: the score and every reason read it. */
        private ActivityWindow window;

        EngagementPoints(String rule, String source, ActivityTally tally) {
            super(rule, source, null);
            this.tally = tally;
        }

        public EngagementPoints points(int value) {
            points = value;
            return this;
        }

        public EngagementPoints cap(int value) {
            cap = Math.abs(value);
            return this;
        }

        public EngagementPoints window(int days) {
            windowDays = days;
            window = null;
            return this;
        }

        /** Activities of this type inside the window check the intent box and can make the lead hot. */
        public EngagementPoints buyingIntent(boolean value) {
            buyingIntent = value;
            return this;
        }

        ActivityWindow window() {
            ActivityWindow counted = window;
            if (counted == null) {
                counted = tally.within(windowDays);
                window = counted;
            }
            return counted;
        }

        int contribution() {
            int raw = points * window().count();
            return cap == null ? raw : Math.max(-cap, Math.min(cap, raw));
        }

        @Override
        Integer points() { return contribution(); }

        @Override
        String text() {
            ActivityWindow window = window();
            StringBuilder text = new StringBuilder().append(window.count()).append(" × ").append(tally.getType())
                    .append(windowDays == null ? " up to asOf" : " in the last " + windowDays + " days");
            if (cap != null && Math.abs(points * window.count()) > cap) {
                text.append(", capped at ").append(contribution());
            }
            if (window.outside() > 0) {
                text.append(" (").append(window.outside()).append(" outside the window)");
            }
            return text.toString();
        }
    }

    /** Hand-off terms as an SLA rule states them. */
    public static final class SlaTerms extends Entry {
        private String owner;
        private int respondWithinHours;
        private String escalateTo;
        private int recycleAfterDays;

        SlaTerms(String rule, String source) {
            super(rule, source, null);
        }

        public SlaTerms owner(String value) {
            owner = value;
            return this;
        }

        public SlaTerms respondWithinHours(int value) {
            respondWithinHours = value;
            return this;
        }

        public SlaTerms escalateTo(String value) {
            escalateTo = value;
            return this;
        }

        public SlaTerms recycleAfterDays(int value) {
            recycleAfterDays = value;
            return this;
        }

        Sla toSla(Instant asOf) {
            return new Sla(owner, asOf.plus(Duration.ofHours(respondWithinHours)), escalateTo,
                    asOf.plus(Duration.ofDays(recycleAfterDays)));
        }

        @Override
        String text() {
            return owner + " must respond within " + respondWithinHours + " h, else escalate to " + escalateTo
                    + "; recycle after " + recycleAfterDays + " days";
        }
    }
}
