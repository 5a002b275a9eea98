package io.leadqualifier.handoff.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The business calendars of a policy, by name (case does not matter), in the order they are written. */
public final class BusinessCalendars {
    private static final BusinessCalendars NONE = new BusinessCalendars(Map.of());

    private final Map<String, BusinessCalendar> byName;

    private BusinessCalendars(Map<String, BusinessCalendar> byName) {
        this.byName = byName;
    }

    /** @throws IllegalArgumentException when two calendars have the same name */
    public static BusinessCalendars of(List<BusinessCalendar> calendars) {
        Map<String, BusinessCalendar> byName = new LinkedHashMap<>();
        for (BusinessCalendar calendar : calendars) {
            if (byName.putIfAbsent(key(calendar.name()), calendar) != null) {
                throw new IllegalArgumentException("two calendars are named " + calendar.name());
            }
        }
        return new BusinessCalendars(Collections.unmodifiableMap(byName));
    }

    public static BusinessCalendars none() {
        return NONE;
    }

    public Optional<BusinessCalendar> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    /** @throws NoSuchElementException naming the calendars there are */
    public BusinessCalendar get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no business calendar named '" + name + "'; there are: "
                + String.join(", ", names())));
    }

    public List<String> names() {
        return byName.values().stream().map(BusinessCalendar::name).toList();
    }

    public List<BusinessCalendar> all() {
        return List.copyOf(byName.values());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "calendars " + names();
    }
}
