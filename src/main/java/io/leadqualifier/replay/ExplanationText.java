package io.leadqualifier.replay;

import java.util.List;

import io.leadqualifier.facts.Sla;

/** An {@link Explanation} as plain text, for a person reading it in a terminal or pasting it in a ticket. */
final class ExplanationText {

    private ExplanationText() {
    }

    static String of(Explanation e) {
        StringBuilder text = new StringBuilder();
        text.append("Decision ").append(e.decisionId()).append(" for lead ").append(e.leadId()).append('\n');
        text.append("Evaluated as of ").append(e.asOf()).append(" under policy ").append(e.policyVersion()).append('\n');
        text.append("Stage ").append(e.stage()).append(", temperature ").append(e.temperature()).append(", route ").append(e.route())
                .append("\n\n");
        if (!e.matchesRecord()) {
            text.append("WARNING: re-evaluating the recorded facts under this version does not give the recorded decision: ")
                    .append(e.differences()).append("\nThis explanation is of the re-evaluation.\n\n");
        }

        Explanation.Ledger score = e.score();
        text.append("Score ledger\n");
        ledger(text, "Fit", score.fit(), score.fitLines());
        ledger(text, "Engagement", score.engagement(), score.engagementLines());
        text.append("  ").append(score.arithmetic()).append("\n\n");

        long checked = e.checklist().stream().filter(Explanation.Box::checked).count();
        text.append("Checklist (").append(checked).append(" of ").append(e.checklist().size()).append(" boxes)\n");
        for (Explanation.Box box : e.checklist()) {
            text.append("  [").append(box.checked() ? 'x' : ' ').append("] ").append(box.box());
            if (box.checked()) {
                text.append("  by ").append(String.join(", ", box.checkedBy()));
            }
            text.append('\n');
        }
        text.append('\n');

        if (e.knockOuts() != null) {
            for (Explanation.Cause knockOut : e.knockOuts()) {
                cause(text, "Knock-out", knockOut);
            }
        }
        cause(text, "Why " + e.stage(), e.whyStage());
        cause(text, "Why " + e.temperature(), e.whyTemperature());
        cause(text, "Why route " + e.route(), e.whyRoute());
        if (e.sla() == null) {
            text.append("SLA: none (").append(e.stage()).append(", route ").append(e.route()).append(")\n");
        } else {
            Sla terms = e.sla().terms();
            text.append("SLA: ").append(terms.owner()).append(terms.assignee() == null ? "" : " (" + terms.assignee() + ")")
                    .append(" must respond by ").append(terms.respondBy()).append(", else ").append(terms.escalateTo())
                    .append(" is alerted; recycled at ").append(terms.recycleAt())
                    .append(terms.calendar() == null ? " (wall-clock time)" : " (business time of calendar " + terms.calendar() + ")")
                    .append('\n');
            cause(text, "  set by", e.sla().cause());
        }

        Explanation.WhyNot whyNot = e.whyNot();
        text.append("\nWhy not further\n");
        if (whyNot.mql() == null && whyNot.sql() == null && whyNot.opportunity() == null) {
            text.append("  It is at the last stage.\n");
        }
        gap(text, whyNot.mql());
        gap(text, whyNot.sql());
        gap(text, whyNot.opportunity());
        return text.toString();
    }

    private static void ledger(StringBuilder text, String title, int sum, List<Explanation.Line> lines) {
        text.append("  ").append(title).append(": ").append(sum).append('\n');
        for (Explanation.Line line : lines) {
            text.append(String.format("    %+5d  %s", line.points(), line.rule()));
            if (line.location() != null) {
                text.append(" (").append(line.location()).append(')');
            }
            text.append(": ").append(line.detail()).append('\n');
        }
    }

    private static void cause(StringBuilder text, String title, Explanation.Cause cause) {
        if (cause == null) {
            return;
        }
        text.append(title).append(": rule \"").append(cause.rule()).append('"');
        if (cause.location() != null) {
            text.append(" (").append(cause.location()).append(')');
        }
        text.append(": ").append(cause.message()).append('\n');
    }

    private static void gap(StringBuilder text, Explanation.Gap gap) {
        if (gap != null) {
            text.append("  ").append(gap.stage()).append(": ").append(gap.summary()).append('\n');
        }
    }
}
