package io.leadqualifier.handoff.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One span of opening hours on a day, in local wall-clock time: from {@code from} (included) to {@code to}
 * (excluded), in minutes since midnight. {@code to} may be 24:00, the end of the day; a span never crosses
 * midnight (write a night shift as two spans, one on each day).
 */
public record OpeningHours(int from, int to) implements Comparable<OpeningHours> {
    private static final int DAY = 24 * 60;
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2})[:h.](\\d{2})\\s*[-–—]\\s*(\\d{1,2})[:h.](\\d{2})");

    public OpeningHours {
        if (from < 0 || from >= DAY || to <= 0 || to > DAY) {
            throw new IllegalArgumentException("opening hours must lie between 00:00 and 24:00");
        }
        if (to <= from) {
            throw new IllegalArgumentException(text(from) + "-" + text(to) + " ends before it starts: a span cannot cross midnight");
        }
    }

    /** {@code 09:00-12:30} (also {@code 9:00 – 12:30}, {@code 9h00-12h30}). */
    public static OpeningHours parse(String text) {
        Matcher span = SPAN.matcher(text.strip());
        if (!span.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a span of hours like 09:00-12:30");
        }
        return new OpeningHours(minutes(span.group(1), span.group(2), text), minutes(span.group(3), span.group(4), text));
    }

    /** When the span opens on a date, as a local date-time. */
    LocalDateTime opensOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(from);
    }

    /** When the span closes on a date, as a local date-time (24:00 is the next day's midnight). */
    LocalDateTime closesOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(to);
    }

    boolean overlaps(OpeningHours other) {
        return from < other.to && other.from < to;
    }

    @Override
    public int compareTo(OpeningHours other) {
        return from != other.from ? Integer.compare(from, other.from) : Integer.compare(to, other.to);
    }

    @Override
    public String toString() {
        return text(from) + "-" + text(to);
    }

    private static int minutes(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException("'" + text.strip() + "' holds a time that does not exist (" + hours + ":" + minutes + ")");
        }
        return h * 60 + m;
    }

    private static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
