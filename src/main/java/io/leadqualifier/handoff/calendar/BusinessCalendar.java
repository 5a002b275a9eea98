package io.leadqualifier.handoff.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A team's business time: its weekly opening hours in its time zone, less its public holidays and the company's
 * closing days. Opening hours are local wall-clock times: 09:00 is 09:00 in Paris in winter and in summer, so a
 * clock that runs over a change of daylight saving time still starts at 09:00 on Monday. Business time is real
 * time elapsed while open; only a span that covers the change itself (at night) is an hour shorter or longer that
 * day. A local time the clocks skip opens (or closes) when they jump; a local time they repeat counts at its first
 * occurrence. Immutable and thread-safe; nothing here reads the clock.
 */
public final class BusinessCalendar {
    /** How far ahead a clock looks for opening hours before it gives up (holidays and closing days may close many days). */
    static final int MAX_DAYS_AHEAD = 3660;

    private final String name;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final PublicHolidays holidays;
    private final Set<LocalDate> closingDays;

    /**
     * @param name        how SLA rows and explanations name it
     * @param zone        where its hours are read
     * @param hours       its weekly opening hours; at least one day must have some
     * @param holidays    its public holidays ({@link PublicHolidays#NONE} for none)
     * @param closingDays company closing days, local dates
     */
    public BusinessCalendar(String name, ZoneId zone, WeeklyHours hours, PublicHolidays holidays, Set<LocalDate> closingDays) {
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.closingDays = Set.copyOf(closingDays);
        if (hours.isAlwaysClosed()) {
            throw new IllegalArgumentException("calendar " + name + " has no opening hours on any day of the week");
        }
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public PublicHolidays holidays() {
        return holidays;
    }

    public Set<LocalDate> closingDays() {
        return closingDays;
    }

    /** Whether the local date has opening hours: a day of the week with hours, neither a public holiday nor a closing day. */
    public boolean isBusinessDay(LocalDate date) {
        return !hours.on(date.getDayOfWeek()).isEmpty() && !closingDays.contains(date) && !holidays.contains(date);
    }

    /** Why a local date has no opening hours ({@code public holiday: National Day}, {@code closing day}, …); empty if it has. */
    public Optional<String> closedBecause(LocalDate date) {
        if (closingDays.contains(date)) {
            return Optional.of("closing day");
        }
        Optional<String> holiday = holidays.nameOf(date);
        if (holiday.isPresent()) {
            return Optional.of("public holiday: " + holiday.get());
        }
        return hours.on(date.getDayOfWeek()).isEmpty() ? Optional.of("no opening hours on " + date.getDayOfWeek()) : Optional.empty();
    }

    public boolean isOpen(Instant instant) {
        for (Window window : windows(instant.atZone(zone).toLocalDate())) {
            if (!instant.isBefore(window.start) && instant.isBefore(window.end)) {
                return true;
            }
        }
        return false;
    }

    /** The instant itself when open, otherwise the next opening. */
    public Instant nextOpening(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                if (instant.isBefore(window.end)) {
                    return instant.isBefore(window.start) ? window.start : instant;
                }
            }
        }
        throw closedFor(instant);
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. Outside opening hours the
     * clock waits for the next opening; it ends at a closing time rather than at the next opening when the amount
     * runs out there (Friday 16:00 plus 2 hours is Friday 18:00, not Monday 09:00). A zero amount is {@code start}.
     *
     * @throws IllegalArgumentException for a negative amount
     */
    public Instant plusBusinessHours(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a negative amount of business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant from = start.isAfter(window.start) ? start : window.start;
                if (!from.isBefore(window.end)) {
                    continue;
                }
                Duration open = Duration.between(from, window.end);
                if (left.compareTo(open) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(open);
            }
        }
        throw closedFor(start);
    }

    /**
     * The same local time on the {@code days}-th business day after the local date of {@code start} (a business
     * day: {@link #isBusinessDay}). Friday 10:00 and Saturday 10:00 plus one business day are both Monday 10:00
     * (when Monday is one); zero days is {@code start}. The result may be outside opening hours: it keeps the time
     * of day of {@code start}.
     *
     * @throws IllegalArgumentException for a negative number of days
     */
    public Instant plusBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a negative number of business days: " + days);
        }
        if (days == 0) {
            return start;
        }
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate day = local.toLocalDate();
        int counted = 0;
        for (int i = 0; counted < days; i++) {
            if (i > MAX_DAYS_AHEAD) {
                throw closedFor(start);
            }
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return instantOf(day.atTime(local.toLocalTime()));
    }

    /**
     * Business time between two instants: how long the calendar is open from {@code from} to {@code to}; negative
     * when {@code to} is before {@code from} (time left on an SLA that is already breached).
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration open = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant start = from.isAfter(window.start) ? from : window.start;
                Instant end = to.isBefore(window.end) ? to : window.end;
                if (start.isBefore(end)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    /** The opening hours of a local date as instants; none on a day that is not a business day. */
    private List<Window> windows(LocalDate day) {
        if (!isBusinessDay(day)) {
            return List.of();
        }
        List<OpeningHours> spans = hours.on(day.getDayOfWeek());
        List<Window> windows = new ArrayList<>(spans.size());
        for (OpeningHours span : spans) {
            Instant start = instantOf(span.opensOn(day));
            Instant end = instantOf(span.closesOn(day));
            if (start.isBefore(end)) {
                windows.add(new Window(start, end));
            }
        }
        return windows;
    }

    /** A local time: when the clocks skip it, the instant they jump; when they repeat it, its first occurrence. */
    private Instant instantOf(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            return gap.getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    private IllegalStateException closedFor(Instant start) {
        return new IllegalStateException("calendar " + name + " has no opening hours in the " + MAX_DAYS_AHEAD + " days after " + start);
    }

    private record Window(Instant start, Instant end) {
    }

    @Override
    public String toString() {
        return name + " (" + zone + ", " + hours + ", " + holidays + (closingDays.isEmpty() ? "" : ", " + closingDays.size()
                + " closing days") + ")";
    }
}
