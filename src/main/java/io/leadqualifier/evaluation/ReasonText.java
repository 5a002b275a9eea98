package io.leadqualifier.evaluation;

import io.leadqualifier.facts.ActivityWindow;
import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Outcome;

/**
 * The sentence a human reads for each line the rules wrote: what the line says by itself ("Route NONE",
 * "3 × EMAIL_CLICK in the last 30 days"), then the rule author's words. Recorded decisions keep these
 * sentences, and replay compares them: change one only with a reason.
 */
final class ReasonText {
    private ReasonText() {
    }

    static String of(Outcome.Entry entry) {
        String own = own(entry);
        String because = entry.because();
        if (because == null && entry instanceof Outcome.SlaTerms terms && terms.ignoredFor() != null) {
            because = "ignored: \"" + terms.ignoredFor() + "\" fired first";
        }
        if (because == null) {
            return own == null ? entry.rule() : own;
        }
        return own == null ? because : own + ": " + because;
    }

    /** What the line says by itself, or null when only the rule's words matter. */
    private static String own(Outcome.Entry entry) {
        if (entry instanceof Outcome.Note note) {
            return note.message();
        }
        if (entry instanceof Outcome.KnockOut knockOut) {
            return knockOut.why();
        }
        if (entry instanceof Outcome.BoxEntry box) {
            return "Box " + box.box() + " checked";
        }
        if (entry instanceof Outcome.StageEntry stage) {
            return "Stage " + stage.stage() + (stage.checklist() == null ? ""
                    : " (total " + stage.checklist().getTotal() + ", " + stage.checklist().getChecked() + " of "
                            + ChecklistBox.values().length + " boxes)");
        }
        if (entry instanceof Outcome.TemperatureEntry temperature) {
            return "Temperature " + temperature.temperature()
                    + (temperature.score() == null ? "" : " (total " + temperature.score().getTotal() + ")");
        }
        if (entry instanceof Outcome.RouteEntry route) {
            return "Route " + route.route();
        }
        if (entry instanceof Outcome.EngagementPoints points) {
            return engagement(points);
        }
        if (entry instanceof Outcome.SlaTerms terms) {
            return terms.owner() + " must respond within " + terms.respondWithinHours() + " h, else escalate to "
                    + terms.escalateTo() + "; recycle after " + terms.recycleAfterDays() + " days";
        }
        return null; // fit points: the rule's words say it all
    }

    private static String engagement(Outcome.EngagementPoints points) {
        ActivityWindow window = points.window();
        StringBuilder text = new StringBuilder().append(window.count()).append(" × ").append(points.activityType())
                .append(points.windowDays() == null ? " up to asOf" : " in the last " + points.windowDays() + " days");
        if (points.cap() != null && Math.abs(points.pointsEach() * window.count()) > points.cap()) {
            text.append(", capped at ").append(points.contribution());
        }
        if (window.outside() > 0) {
            text.append(" (").append(window.outside()).append(" outside the window)");
        }
        return text.toString();
    }
}
