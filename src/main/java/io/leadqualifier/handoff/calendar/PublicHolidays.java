package io.leadqualifier.handoff.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of a country, or of one of its subdivisions, from the Jollyday library (its maintained
 * definitions, shipped in its jar: nothing is fetched). Public and bank holidays close a calendar; observances
 * (Valentine's day) do not. A moved holiday (a US holiday on a Sunday observed on Monday) closes the day it is
 * observed. Each year is computed once, when first asked.
 */
public final class PublicHolidays {
    /** No public holiday at all. */
    public static final PublicHolidays NONE = new PublicHolidays("", null, new String[0]);

    private final String region;
    private final HolidayManager manager;
    private final String[] subdivisions;
    private final Map<Integer, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    private PublicHolidays(String region, HolidayManager manager, String[] subdivisions) {
        this.region = region;
        this.manager = manager;
        this.subdivisions = subdivisions;
    }

    /**
     * The holidays of a region written as ISO 3166 codes: a country ({@code FR}), or a country and its subdivisions
     * as Jollyday names them ({@code DE-BY} for Bavaria, {@code US-NY}, {@code FR-67} for Bas-Rhin); case does not
     * matter; empty text is {@link #NONE}.
     *
     * @throws IllegalArgumentException when Jollyday knows no such country or subdivision
     */
    public static PublicHolidays of(String region) {
        String text = region == null ? "" : region.strip();
        if (text.isEmpty()) {
            return NONE;
        }
        String[] parts = text.split("-");
        String country = parts[0].toLowerCase(Locale.ROOT);
        if (!country.matches("[a-z]{2}") || HolidayManager.getSupportedCalendarCodes().stream().noneMatch(country::equalsIgnoreCase)) {
            throw new IllegalArgumentException("'" + text + "' is not a country with known public holidays: write an ISO code such as"
                    + " FR, or FR-67 / DE-BY / US-NY for a subdivision");
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country));
        CalendarHierarchy level = manager.getCalendarHierarchy();
        List<String> path = new ArrayList<>();
        StringBuilder normalised = new StringBuilder(country.toUpperCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String wanted = parts[i];
            CalendarHierarchy child = level.getChildren().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(wanted))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (child == null) {
                throw new IllegalArgumentException("'" + text + "': " + normalised + " has no subdivision '" + wanted + "'; known: "
                        + String.join(", ", new TreeMap<>(level.getChildren()).keySet()).toUpperCase(Locale.ROOT));
            }
            path.add(child.getId());
            normalised.append('-').append(child.getId().toUpperCase(Locale.ROOT));
            level = child;
        }
        return new PublicHolidays(normalised.toString(), manager, path.toArray(new String[0]));
    }

    /** The region as normalised: {@code FR}, {@code DE-BY}; empty for {@link #NONE}. */
    public String region() {
        return region;
    }

    public boolean contains(LocalDate date) {
        return nameOf(date).isPresent();
    }

    /** The holiday's name in English ({@code National Day}), when the date is one. */
    public Optional<String> nameOf(LocalDate date) {
        if (manager == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(years.computeIfAbsent(date.getYear(), this::holidaysOf).get(date));
    }

    private Map<LocalDate, String> holidaysOf(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        // A holiday of the year before or after may be observed in this one (1 January on a Saturday, observed on 31 December).
        for (int y = year - 1; y <= year + 1; y++) {
            for (HolidayType type : new HolidayType[] {HolidayType.PUBLIC_HOLIDAY, HolidayType.BANK_HOLIDAY}) {
                for (Holiday holiday : manager.getHolidays(Year.of(y), type, subdivisions)) {
                    if (holiday.getActualDate().getYear() == year) {
                        days.putIfAbsent(holiday.getActualDate(), holiday.getDescription(Locale.ENGLISH));
                    }
                }
            }
        }
        return Map.copyOf(days);
    }

    @Override
    public String toString() {
        return region.isEmpty() ? "no public holidays" : "public holidays of " + region;
    }
}
