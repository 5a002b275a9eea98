package io.leadqualifier.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules of one evaluation write: score contributions, checklist boxes, stage, temperature,
 * route, SLA terms and the rule authors' words. It is the DRL global {@code outcome}, and this class is only
 * what rules call: the evaluator turns the entries into an immutable ledger once the rules have fired, and
 * puts the sentences on them.
 * <p>
 * Every entry is attributed to the rule firing when it was written (the engine calls
 * {@link #beginRule} before each rule), so a rule only says what it decides and the audit trail names
 * it. Rules hand results to later phases by inserting the immutable snapshots this class returns
 * ({@link #score()}, {@link #checklist()}, {@link #stage}, ...), never by modifying facts: a
 * modification re-matches every rule that reads the fact, which is what made earlier prototypes slow.
 */
public class Outcome {
    private final Instant asOf;
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
    private SlaTerms slaTerms;

    public Outcome(Instant asOf) {
        this.asOf = asOf;
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
            add(new Note(rule, source, message));
        } else {
            current.because = message;
        }
    }

    /** A reason without points or effect, for rules that explain rather than decide. */
    public void note(String message) {
        add(new Note(rule, source, message));
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
        add(new StageEntry(rule, source, chosen, checklist));
        return new AssignedStage(chosen);
    }

    public AssignedTemperature temperature(Temperature chosen) {
        add(new TemperatureEntry(rule, source, chosen, score));
        return new AssignedTemperature(chosen);
    }

    public AssignedRoute route(Route chosen) {
        add(new RouteEntry(rule, source, chosen));
        return new AssignedRoute(chosen);
    }

    /** The hand-off terms of the firing rule; the first SLA rule to fire is the one that applies. */
    public SlaTerms sla() {
        if (current instanceof SlaTerms terms) {
            return terms;
        }
        SlaTerms terms = add(new SlaTerms(rule, source, slaTerms == null ? null : slaTerms.rule()));
        if (slaTerms == null) {
            slaTerms = terms;
        }
        return terms;
    }

    /** Snapshot of the scores, to insert once every scoring rule has fired. */
    public Score score() {
        Instant latestIntent = null;
        int fit = 0;
        int engagement = 0;
        for (Entry entry : entries) {
            if (entry instanceof FitPoints points) {
                fit += points.points;
            } else if (entry instanceof EngagementPoints points) {
                engagement += points.contribution();
                Instant latest = points.buyingIntent ? points.window().latest() : null;
                if (latest != null && (latestIntent == null || latest.isAfter(latestIntent))) {
                    latestIntent = latest;
                }
            }
        }
        score = new Score(fit, engagement + extraEngagement(), knockedOut, scoredActivityTypes, latestIntent, asOf);
        return score;
    }

    /** Snapshot of the checklist, to insert once every checklist rule has fired. */
    public Checklist checklist() {
        Set<ChecklistBox> checked = EnumSet.noneOf(ChecklistBox.class);
        checked.addAll(boxes);
        checked.addAll(extraBoxes());
        checklist = new Checklist(checked, score == null ? score() : score);
        return checklist;
    }

    // ---- what a what-if adds (a subclass, for explanations only; a recorded decision never has one) ----

    /** Points added to the engagement the snapshots carry. */
    protected int extraEngagement() {
        return 0;
    }

    /** Boxes added to the checklist snapshot. */
    protected Set<ChecklistBox> extraBoxes() {
        return Set.of();
    }

    // ---- read by the evaluator once the rules have fired -------------------------------------------

    /** What the rules wrote, in firing order. */
    public List<Entry> entries() { return Collections.unmodifiableList(entries); }

    public List<FiredRule> firedRules() { return Collections.unmodifiableList(firedRules); }

    private <E extends Entry> E add(E entry) {
        entries.add(entry);
        current = entry;
        return entry;
    }

    /** One line of what the rules wrote, attributed to its rule. */
    public abstract static sealed class Entry permits Note, KnockOut, BoxEntry, StageEntry, TemperatureEntry, RouteEntry,
            FitPoints, EngagementPoints, SlaTerms {
        private final String rule;
        private final String source;
        /** The rule author's words, from {@link Outcome#because(String)}. */
        private String because;

        Entry(String rule, String source) {
            this.rule = rule;
            this.source = source;
        }

        public String rule() { return rule; }
        public String source() { return source; }
        /** The rule author's words, or null. */
        public String because() { return because; }
        /** Points this line adds to the score, or null when it gives none. */
        public Integer points() { return null; }
    }

    /** A sentence with no effect. */
    public static final class Note extends Entry {
        private final String message;

        Note(String rule, String source, String message) {
            super(rule, source);
            this.message = message;
        }

        public String message() { return message; }
    }

    /** A knock-out that holds. */
    public static final class KnockOut extends Entry {
        private final String why;

        KnockOut(String rule, String source, String why) {
            super(rule, source);
            this.why = why;
        }

        public String why() { return why; }
    }

    /** A checked box. */
    public static final class BoxEntry extends Entry {
        private final ChecklistBox box;

        BoxEntry(String rule, String source, ChecklistBox box) {
            super(rule, source);
            this.box = box;
        }

        public ChecklistBox box() { return box; }
    }

    /** A stage assigned, with the checklist it was decided on (null when assigned before the checklist). */
    public static final class StageEntry extends Entry {
        private final Stage stage;
        private final Checklist checklist;

        StageEntry(String rule, String source, Stage stage, Checklist checklist) {
            super(rule, source);
            this.stage = stage;
            this.checklist = checklist;
        }

        public Stage stage() { return stage; }
        public Checklist checklist() { return checklist; }
    }

    /** A temperature assigned, with the score it was decided on (null when assigned before the score). */
    public static final class TemperatureEntry extends Entry {
        private final Temperature temperature;
        private final Score score;

        TemperatureEntry(String rule, String source, Temperature temperature, Score score) {
            super(rule, source);
            this.temperature = temperature;
            this.score = score;
        }

        public Temperature temperature() { return temperature; }
        public Score score() { return score; }
    }

    /** A route assigned. */
    public static final class RouteEntry extends Entry {
        private final Route route;

        RouteEntry(String rule, String source, Route route) {
            super(rule, source);
            this.route = route;
        }

        public Route route() { return route; }
    }

    /** Points a fit criterion gives. */
    public static final class FitPoints extends Entry {
        private int points;

        FitPoints(String rule, String source) {
            super(rule, source);
        }

        public FitPoints points(int value) {
            points = value;
            return this;
        }

        @Override
        public Integer points() { return points; }
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
            super(rule, source);
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

        public String activityType() { return tally.getType(); }
        /** Points per activity. */
        public int pointsEach() { return points; }
        /** The cap in absolute value, or null. */
        public Integer cap() { return cap; }
        /** The window in days, or null for every activity up to asOf. */
        public Integer windowDays() { return windowDays; }

        /** The activities of this type counted in the window. */
        public ActivityWindow window() {
            ActivityWindow counted = window;
            if (counted == null) {
                counted = tally.within(windowDays);
                window = counted;
            }
            return counted;
        }

        /** Points × count, capped. */
        public int contribution() {
            int raw = points * window().count();
            return cap == null ? raw : Math.max(-cap, Math.min(cap, raw));
        }

        @Override
        public Integer points() { return contribution(); }
    }

    /** Hand-off terms as an SLA rule states them. */
    public static final class SlaTerms extends Entry {
        private final String firstRule;
        private String owner;
        private int respondWithinHours;
        private String escalateTo;
        private int recycleAfterDays;
        private String calendar;

        SlaTerms(String rule, String source, String firstRule) {
            super(rule, source);
            this.firstRule = firstRule;
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

        /** Counts respondBy in the calendar's business hours and recycleAt in its business days (blank: wall-clock time). */
        public SlaTerms calendar(String name) {
            calendar = name == null || name.isBlank() ? null : name.strip();
            return this;
        }

        public String owner() { return owner; }
        public int respondWithinHours() { return respondWithinHours; }
        public String escalateTo() { return escalateTo; }
        public int recycleAfterDays() { return recycleAfterDays; }
        /** The business calendar, or null for wall-clock time. */
        public String calendar() { return calendar; }
        /** The SLA rule that fired before this one and applies instead, or null when this one applies. */
        public String ignoredFor() { return firstRule; }
    }
}
