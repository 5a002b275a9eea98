package io.leadqualifier.console.sla;

import java.time.Duration;

/** A clock's time left as people read it: "2 h 05 min left", "overdue by 1 d 3 h", "clock stopped (contacted)". */
public final class TimeLeft {

    private TimeLeft() {
    }

    public static String of(Duration left) {
        if (left == null) {
            return "clock stopped (contacted)";
        }
        String amount = amount(left.abs());
        return left.isNegative() || left.isZero() ? "overdue by " + amount : amount + " left";
    }

    private static String amount(Duration duration) {
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + String.format("%02d", minutes) + " min";
        }
        return minutes + " min";
    }
}
