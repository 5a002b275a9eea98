package io.leadqualifier.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.handoff.calendar.BusinessCalendar;
import io.leadqualifier.handoff.calendar.BusinessCalendars;

/**
 * What one evaluation decided, frozen once the rules have fired: the stage, temperature and route, the
 * score as the sum of its lines, the boxes, the SLA, every line with its rule and sentence, and the fired
 * rules in order. Read by the qualify answer, replay, explanation and the scenario checks.
 *
 * @param lines every line the rules wrote, in firing order
 */
public record Ledger(Stage stage, Temperature temperature, Route route, boolean knockedOut, Set<ChecklistBox> boxes, Sla sla,
        List<Line> lines, List<FiredRule> firedRules) {

    /** The kind of a line: what it counts towards. */
    public enum Kind { NOTE, KNOCK_OUT, BOX, STAGE, TEMPERATURE, ROUTE, FIT, ENGAGEMENT, SLA }

    /**
     * One line: its kind, rule, file, points (null when it gives none) and sentence.
     *
     * @param box the box a {@link Kind#BOX} line checks, else null
     */
    public record Line(Kind kind, String rule, String source, Integer points, String message, ChecklistBox box) {
        public Reason reason() {
            return new Reason(rule, source, points, message);
        }
    }

    public Ledger {
        boxes = boxes.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(ChecklistBox.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(boxes));
        lines = List.copyOf(lines);
        firedRules = List.copyOf(firedRules);
    }

    /** The ledger of an outcome whose rules have all fired; SLA deadlines count in the calendars given. */
    static Ledger of(Outcome outcome, BusinessCalendars calendars) {
        List<Line> lines = new ArrayList<>();
        Stage stage = null;
        Temperature temperature = null;
        Route route = null;
        boolean knockedOut = false;
        Set<ChecklistBox> boxes = EnumSet.noneOf(ChecklistBox.class);
        Outcome.SlaTerms terms = null;
        for (Outcome.Entry entry : outcome.entries()) {
            Kind kind = Kind.NOTE;
            ChecklistBox box = null;
            if (entry instanceof Outcome.StageEntry assigned) {
                kind = Kind.STAGE;
                stage = assigned.stage();
            } else if (entry instanceof Outcome.TemperatureEntry assigned) {
                kind = Kind.TEMPERATURE;
                temperature = assigned.temperature();
            } else if (entry instanceof Outcome.RouteEntry assigned) {
                kind = Kind.ROUTE;
                route = assigned.route();
            } else if (entry instanceof Outcome.KnockOut) {
                kind = Kind.KNOCK_OUT;
                knockedOut = true;
            } else if (entry instanceof Outcome.BoxEntry checked) {
                kind = Kind.BOX;
                box = checked.box();
                boxes.add(box);
            } else if (entry instanceof Outcome.FitPoints) {
                kind = Kind.FIT;
            } else if (entry instanceof Outcome.EngagementPoints) {
                kind = Kind.ENGAGEMENT;
            } else if (entry instanceof Outcome.SlaTerms stated) {
                kind = Kind.SLA;
                if (terms == null) {
                    terms = stated;
                }
            }
            lines.add(new Line(kind, entry.rule(), entry.source(), entry.points(), ReasonText.of(entry), box));
        }
        Sla sla = terms == null || route == null || route == Route.NONE ? null : sla(terms, outcome.getAsOf(), calendars);
        return new Ledger(stage, temperature, route, knockedOut, boxes, sla, lines, outcome.firedRules());
    }

    /**
     * The deadlines: on wall-clock time ({@code asOf} + hours, + days), or in a business calendar (business hours,
     * business days: nights, weekends, public holidays and closing days do not count).
     */
    private static Sla sla(Outcome.SlaTerms terms, Instant asOf, BusinessCalendars calendars) {
        if (terms.calendar() == null) {
            return new Sla(terms.owner(), asOf.plus(Duration.ofHours(terms.respondWithinHours())), terms.escalateTo(),
                    asOf.plus(Duration.ofDays(terms.recycleAfterDays())));
        }
        BusinessCalendar calendar = calendars.find(terms.calendar()).orElseThrow(() -> new EvaluationFailedException("SLA rule \""
                + terms.rule() + "\" counts in calendar '" + terms.calendar() + "', which the policy's business calendars do not define"));
        return new Sla(terms.owner(), calendar.plusBusinessHours(asOf, Duration.ofHours(terms.respondWithinHours())), terms.escalateTo(),
                calendar.plusBusinessDays(asOf, terms.recycleAfterDays()), null, null, calendar.name());
    }

    public int fit() {
        return sum(Kind.FIT);
    }

    public int engagement() {
        return sum(Kind.ENGAGEMENT);
    }

    /** {@code max(0, fit + engagement)}. */
    public int total() {
        return Math.max(0, fit() + engagement());
    }

    /** Every line as a reason, in firing order. */
    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>(lines.size());
        for (Line line : lines) {
            reasons.add(line.reason());
        }
        return reasons;
    }

    /** The fit lines; their points sum to {@link #fit()}. */
    public List<Reason> fitLedger() {
        return reasons(Kind.FIT);
    }

    /** The engagement lines; their points sum to {@link #engagement()}. */
    public List<Reason> engagementLedger() {
        return reasons(Kind.ENGAGEMENT);
    }

    /** The knock-outs that hold, with their rules. */
    public List<Reason> knockOuts() {
        return reasons(Kind.KNOCK_OUT);
    }

    /** The rules that checked each box, in firing order. */
    public Map<ChecklistBox, List<String>> boxRules() {
        Map<ChecklistBox, List<String>> rules = new EnumMap<>(ChecklistBox.class);
        for (Line line : lines) {
            if (line.kind() == Kind.BOX) {
                rules.computeIfAbsent(line.box(), checked -> new ArrayList<>()).add(line.rule());
            }
        }
        return rules;
    }

    /** Why the stage is what it is: the line that assigned it last; null when none did. */
    public Reason stageReason() {
        return last(Kind.STAGE);
    }

    public Reason temperatureReason() {
        return last(Kind.TEMPERATURE);
    }

    public Reason routeReason() {
        return last(Kind.ROUTE);
    }

    /** The SLA rule that applies (the first to fire); null when none fired. */
    public Reason slaReason() {
        for (Line line : lines) {
            if (line.kind() == Kind.SLA) {
                return line.reason();
            }
        }
        return null;
    }

    private int sum(Kind kind) {
        int sum = 0;
        for (Line line : lines) {
            if (line.kind() == kind) {
                sum += line.points();
            }
        }
        return sum;
    }

    private List<Reason> reasons(Kind kind) {
        List<Reason> found = new ArrayList<>();
        for (Line line : lines) {
            if (line.kind() == kind) {
                found.add(line.reason());
            }
        }
        return found;
    }

    private Reason last(Kind kind) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).kind() == kind) {
                return lines.get(i).reason();
            }
        }
        return null;
    }
}
