package io.leadqualifier.handoff.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A team's opening hours, day by day of the week: sorted, never overlapping; a day without any is closed. */
public final class WeeklyHours {
    private final Map<DayOfWeek, List<OpeningHours>> days;

    private WeeklyHours(Map<DayOfWeek, List<OpeningHours>> days) {
        this.days = days;
    }

    /**
     * The hours of each day given.
     *
     * @throws IllegalArgumentException when two spans of one day overlap
     */
    public static WeeklyHours of(Map<DayOfWeek, List<OpeningHours>> hours) {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> spans = new ArrayList<>(hours.getOrDefault(day, List.of()));
            Collections.sort(spans);
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i - 1).overlaps(spans.get(i))) {
                    throw new IllegalArgumentException(spans.get(i - 1) + " and " + spans.get(i) + " overlap");
                }
            }
            days.put(day, List.copyOf(spans));
        }
        return new WeeklyHours(days);
    }

    /** The same hours, written {@code 09:00-12:30, 13:30-18:00}, from Monday to Friday; the weekend closed. */
    public static WeeklyHours mondayToFriday(String hours) {
        List<OpeningHours> spans = parseDay(hours);
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, day.getValue() <= 5 ? spans : List.of());
        }
        return of(days);
    }

    /**
     * The spans of one day, written {@code 09:00-12:30, 13:30-18:00} (commas or semicolons between spans); empty
     * text is a closed day.
     *
     * @throws IllegalArgumentException for a span that is not {@code HH:MM-HH:MM}, or spans that overlap
     */
    public static List<OpeningHours> parseDay(String text) {
        List<OpeningHours> spans = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            if (!part.isBlank()) {
                spans.add(OpeningHours.parse(part));
            }
        }
        Collections.sort(spans);
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i - 1).overlaps(spans.get(i))) {
                throw new IllegalArgumentException(spans.get(i - 1) + " and " + spans.get(i) + " overlap");
            }
        }
        return List.copyOf(spans);
    }

    public List<OpeningHours> on(DayOfWeek day) {
        return days.get(day);
    }

    public boolean isAlwaysClosed() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    @Override
    public String toString() {
        return days.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().toString().substring(0, 3) + " " + e.getValue().stream().map(OpeningHours::toString)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
